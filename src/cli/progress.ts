/**
 * A one-line progress bar on stderr for long imports; silent when stderr is not a terminal
 * (pipes and CI logs stay clean).
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  let lastDraw = 0;
  const enabled = Boolean(stream.isTTY);
  return {
    update(done: number, total: number, records: number) {
      if (!enabled) return;
      const now = performance.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      const ratio = total > 0 && Number.isFinite(done) ? Math.min(1, done / total) : 1;
      const width = 30;
      const filled = Math.round(ratio * width);
      const rate = Math.round(records / Math.max(0.001, (now - started) / 1000));
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}%  ${records.toLocaleString('en-US')} 条 (records)  ${rate.toLocaleString('en-US')}/s`,
      );
    },
    done() {
      if (enabled) stream.write('\n');
    },
  };
}
