import type { Command } from 'commander';
import type { CalendarWarning } from '../../modules/calendar/calendar.js';
import {
  type SetYearResult,
  setYearFromFile,
  showYear,
  type YearReport,
} from '../../modules/calendar/calendar.service.js';
import { dayKey, keyWeekday } from '../../modules/calendar/calendar-dates.js';
import { HOLIDAY_NAMES_EN, holidayPeriods } from '../../modules/calendar/year-data.js';
import { withDeps, writeJsonLine, writeLine } from '../deps.js';
import { wholeNumber } from '../options.js';

const WEEKDAYS = [
  '周日 (Sun)',
  '周一 (Mon)',
  '周二 (Tue)',
  '周三 (Wed)',
  '周四 (Thu)',
  '周五 (Fri)',
  '周六 (Sat)',
] as const;

export function registerCalendar(program: Command): void {
  const calendar = program
    .command('calendar')
    .description('工作日历：法定节假日与调休 (the PRC working-day calendar, P5.7, P5.13)');
  calendar
    .command('show')
    .description('显示某年的节假日、调休上班日和数据来源 (show a year: holidays, make-up working days, source)')
    .argument('<year>', '年份 (year)', wholeNumber(1000))
    .option('--json', 'the year as one JSON object on stdout')
    .action(async (year: number, options: { json?: boolean }, command: Command) => {
      await withDeps(command, async (deps) => {
        const report = await showYear(deps, year);
        if (options.json) {
          writeJsonLine(report);
          for (const warning of report.warnings) writeWarning(warning, (t) => process.stderr.write(`${t}\n`));
        } else for (const line of describeYear(report)) writeLine(line);
      });
    });
  calendar
    .command('set')
    .description(
      '录入某年的官方放假安排，优先于数据包 (store a year from the official notice; it wins over the package)',
    )
    .argument('<year>', '年份 (year)', wholeNumber(1000))
    .requiredOption('--file <file>', 'JSON: { "holidays": [{ "date", "name" }], "workdays": ["YYYY-MM-DD"] }')
    .option(
      '--reference <text>',
      '数据来源，如通知文号 (where the data comes from, e.g. the notice; default: the file name)',
    )
    .option('--json', 'the result as one JSON object on stdout')
    .action(async (year: number, options: { file: string; reference?: string; json?: boolean }, command: Command) => {
      await withDeps(command, async (deps) => {
        const result = await setYearFromFile(deps, year, options.file, { reference: options.reference });
        if (options.json) writeJsonLine(result);
        else for (const line of describeSet(result)) writeLine(line);
      });
    });
}

function writeWarning(warning: CalendarWarning, out: (text: string) => void): void {
  out(`警告 (WARNING) ${warning.code}: ${warning.zh}`);
  out(`警告 (WARNING) ${warning.code}: ${warning.en}`);
  out(
    `  请按国务院办公厅放假通知录入 (record the State Council's notice with): veracity calendar set ${warning.year} --file <file.json>`,
  );
}

function describeSource(report: YearReport): string {
  if (report.source === 'override' && report.override) {
    const o = report.override;
    const replaces = report.packageCovers ? '，替代数据包 (replacing the package)' : '';
    return `本地录入 第 ${o.version} 版${replaces} (local override, version ${o.version}) — ${o.reference}, ${o.updatedAt}`;
  }
  if (report.source === 'package') return 'chinese-days 数据包 (the chinese-days package)';
  return '无官方数据，按周一至周五推算 (no official data: assumed Monday to Friday)';
}

function dayWithWeekday(date: string): string {
  return `${date} ${WEEKDAYS[keyWeekday(dayKey(date))] ?? ''}`;
}

export function describeYear(report: YearReport): string[] {
  const lines: string[] = [];
  for (const warning of report.warnings) writeWarning(warning, (t) => lines.push(t));
  lines.push(`${report.year} 年工作日历 (working calendar for ${report.year})`);
  lines.push(`来源 (source): ${describeSource(report)}`);
  lines.push(`全年工作日 (working days in the year): ${report.workingDays}`);
  if (report.source !== 'assumed') {
    lines.push(`放假日 (days off): ${report.holidays.length}`);
    for (const p of holidayPeriods(report.holidays)) {
      const english = HOLIDAY_NAMES_EN[p.name];
      const name = english ? `${p.name} (${english})` : p.name;
      const span = p.from === p.to ? p.from : `${p.from} – ${p.to}`;
      lines.push(`  ${name}: ${span}，${p.days} 天 (${p.days} day${p.days === 1 ? '' : 's'})`);
    }
    lines.push(`调休上班日 (weekend days made working days): ${report.workdays.length}`);
    for (const date of report.workdays) lines.push(`  ${dayWithWeekday(date)}`);
  }
  if (report.versions.length > 0) {
    lines.push('录入历史 (override versions):');
    for (const v of report.versions) {
      lines.push(
        `  第 ${v.version} 版 (v${v.version}) ${v.recordedAt}  放假日 (days off) ${v.holidays}  调休上班日 (make-up days) ${v.workdays}  ${v.reference}`,
      );
    }
  }
  return lines;
}

export function describeSet(result: SetYearResult): string[] {
  if (result.status === 'unchanged') {
    return [
      `${result.year} 年日历与第 ${result.version} 版相同，未改动 (the calendar for ${result.year} is the same as version ${result.version}: nothing changed)`,
    ];
  }
  const before = {
    package: { zh: '数据包', en: 'the package' },
    override: { zh: '上一版', en: 'the previous version' },
    assumed: { zh: '周一至周五推算', en: 'the Monday-to-Friday assumption' },
  }[result.previousSource];
  const c = result.changes;
  return [
    `${result.year} 年日历已保存为第 ${result.version} 版 (the calendar for ${result.year} was saved as version ${result.version}) — ${result.reference}`,
    `与${before.zh}相比 (compared with ${before.en}):`,
    `  新增放假日 (days off added): ${c.holidaysAdded.map((h) => `${h.date} ${h.name}`).join(', ') || '-'}`,
    `  取消放假日 (days off removed): ${c.holidaysRemoved.map((h) => `${h.date} ${h.name}`).join(', ') || '-'}`,
    `  新增调休上班日 (make-up days added): ${c.workdaysAdded.join(', ') || '-'}`,
    `  取消调休上班日 (make-up days removed): ${c.workdaysRemoved.join(', ') || '-'}`,
  ];
}
