// The measured phases of bench/scan.bench.ts, in plain JavaScript on the built code: no TypeScript
// loader in the process, so its peak memory is the scan's own.
//   node bench/scan-phases.mjs seed|full|daily|plain|duckdb DATA_DIR CUSTOMERS NEW
//
// The book is generated in SQL from the row number i (1..CUSTOMERS old customers, then NEW more):
// customer i holds policy P000000000000i, applied before the scan day, as its applicant. Every
// blind index is a deterministic 64-bit integer of a "source" number, one formula per kind, so two
// rows share a value exactly when they share a source. The same formulas build DuckDB's copy.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { scanBook } from '../dist/modules/linkage/scan.service.js';
import { bootstrap } from '../dist/platform/bootstrap.js';
import { openSqlite } from '../dist/platform/db/database.js';
import { migrateToLatest } from '../dist/platform/db/migrate.js';

const [phase, dataDir, customersArg, newArg] = process.argv.slice(2);
const N = Number(customersArg);
const T = N + Number(newArg);

/** The full scan runs the day the new applications were entered: it sees the old book only. */
const FULL_AS_OF = '2026-11-30';
/** The daily scan runs the next day: the NEW applications entered on 2026-11-30 are waiting. */
const DAILY_AS_OF = '2026-12-01';
const NOW = '2026-11-30T10:00:00.000Z';
/** Sellers with two verified misleading-sales complaints in the year (P5.14). */
const RECHECK = [11, 222, 3333];
const SELLERS = 25_000;

// --- The shape, in SQL both SQLite and DuckDB run ---------------------------------------------

/** Integer division: SQLite's `/` on integers, DuckDB's `//`. */
const div = (dialect, a, b) => (dialect === 'duckdb' ? `(${a} // ${b})` : `(${a} / ${b})`);

/** A blind index of `src` for one kind: unique per (kind, src), spread over [-2^61, 3·2^61). */
const KIND = {
  phone: [2654435761, 40503],
  address: [2246822519, 3266489],
  account: [3266489917, 668265263],
  id: [374761393, 1181783497],
};
const bidx = (kind, src) =>
  `((((${src}) * ${KIND[kind][0]}) % 4294967291) * 1073741824 + (((${src}) * ${KIND[kind][1]}) % 1073741824) - 2305843009213693952)`;

/** A switchboard: 30 customers in every 200,000 share one phone (more than 10 households: one item). */
const switchboard = (x) => `((${x}) % 200000 BETWEEN 100 AND 129)`;
/** Customer x (x % 50 = 1, 2%) is the spouse of x−1: insured on x−1's policy, same phone and address. */
const spouse = (x) =>
  `((${x}) % 50 = 1 AND (${x}) > 50 AND NOT ${switchboard(x)} AND (${x}) <> ${N + 1} AND (${x}) <= ${T})`;

/**
 * One row per customer i with the sources of its values: phone, address, account (null for 20%)
 * and the spouse insured on its policy (null for most).
 */
function sources(dialect, last) {
  const from =
    dialect === 'duckdb'
      ? `range(1, ${last + 1}) t(i)`
      : `(WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ${last}) SELECT i FROM s)`;
  return `SELECT i,
    CASE
      WHEN ${switchboard('i')} THEN 100000000 + ${div(dialect, 'i', 200000)}
      WHEN ${spouse('i')} THEN i - 1
      WHEN i % 200 = 7 THEN i - 1                   -- pairs: 0.5% of phones shared by 2 or 3
      WHEN i % 600 = 9 THEN i - 3                   -- the third of every third pair
      WHEN i % 1000 = 503 THEN 200000000 + 2 * (${div(dialect, 'i', 1000)} % ${SELLERS})  -- a seller's phone, 0.1%
      WHEN i > ${N} AND i % 100 = 37 THEN 50 * ((${div(dialect, 'i', 100)} * 7919) % ${Math.floor(N / 50)}) + 43  -- 1% of the new: an old customer's phone
      ELSE i
    END AS phone_src,
    CASE WHEN ${spouse('i')} THEN i - 1 ELSE i END AS address_src,
    CASE
      WHEN i % 5 = 0 THEN NULL                      -- 20% pay from an account outside the book
      WHEN i % 1000 = 21 THEN i - 4                 -- 0.3% of accounts: one shared by 3, one by 2 in 1,000
      WHEN i % 1000 = 22 THEN i - 5
      WHEN i % 1000 = 33 THEN i - 1
      ELSE i
    END AS account_src,
    CASE WHEN ${spouse('i + 1')} THEN i + 1 END AS insured
  FROM ${from}`;
}

/** Seller a (0..24,999): A100000+a sells through agents (a % 10 < 6), B100000+a at the bank counter. */
const sellerCode = (a) => `(CASE WHEN (${a}) % 10 < 6 THEN 'A' ELSE 'B' END || (100000 + ${a}))`;

const policyNo = (dialect, x) =>
  dialect === 'duckdb' ? `('P' || lpad(CAST(${x} AS VARCHAR), 13, '0'))` : `('P' || printf('%013d', ${x}))`;

/** The contact index rows of customers 1..last, policy by policy, as the import writes them. */
function contactRows(dialect, last) {
  return `SELECT ${policyNo(dialect, 'g.i')} AS policy_no,
      CASE k.n WHEN 3 THEN 'payer' WHEN 4 THEN 'insured' WHEN 5 THEN 'insured' ELSE 'applicant' END AS party_role,
      0 AS party_seq,
      CASE WHEN k.n >= 4 THEN g.insured ELSE g.i END AS customer_id,
      CASE k.n WHEN 1 THEN 'phone' WHEN 2 THEN 'address' WHEN 3 THEN 'account' WHEN 4 THEN 'phone' ELSE 'address' END AS kind,
      CASE k.n
        WHEN 1 THEN ${bidx('phone', 'g.phone_src')}
        WHEN 2 THEN ${bidx('address', 'g.address_src')}
        WHEN 3 THEN ${bidx('account', 'g.account_src')}
        WHEN 4 THEN ${bidx('phone', 'g.phone_src')}
        ELSE ${bidx('address', 'g.address_src')}
      END AS bidx
    FROM (${sources(dialect, last)}) g
    CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) k
    WHERE k.n <= 2 OR (k.n = 3 AND g.account_src IS NOT NULL) OR (k.n >= 4 AND g.insured IS NOT NULL)`;
}

// --- seed ------------------------------------------------------------------------------------

async function seed() {
  const started = performance.now();
  const file = path.join(dataDir, 'veracity.db');
  fs.mkdirSync(dataDir, { recursive: true });
  const store = openSqlite(file);
  await migrateToLatest(store);
  await store.close();

  const db = new SQLite(file);
  db.pragma('journal_mode = DELETE'); // a bulk fill: no WAL as large as the file, no journal to speak of
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -2000000');
  db.pragma('temp_store = MEMORY');
  // Fill without the secondary indexes, then build them once, sorted (their definitions unchanged).
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('applications', 'contacts', 'policy_parties', 'agent_contacts')",
    )
    .all();
  for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);
  const timings = {};
  const step = (name, sql) => {
    const t = performance.now();
    db.exec(sql);
    timings[name] = +((performance.now() - t) / 1000).toFixed(1);
  };

  db.exec('BEGIN');
  step('sources', `CREATE TEMP TABLE g AS ${sources('sqlite', T)}`);
  step(
    'applications',
    `INSERT INTO applications (policy_no, status, last_submission_id, accepted_submission_id, version, channel,
       agent_code, agency_code, branch_code, product_code, product_type, term_months, applied_at, applied_on,
       receipt_signed_at, created_at, updated_at, scanned_on)
     SELECT ${policyNo('sqlite', 'i')}, 'accepted', i, i, 1,
       CASE WHEN i % 10 < 6 THEN 'agent' WHEN i % 10 < 9 THEN 'bancassurance' ELSE 'agency' END,
       CASE WHEN i % 10 < 9 THEN ${sellerCode(`i % ${SELLERS}`)} END,
       CASE WHEN i % 10 = 9 THEN 'G' || (1000 + i % 300) END,
       substr('SH-PDSH-XHBJ-HDGD-GZGD-SZZJ-HZJS-NJSC-CD', 1 + 5 * ((i / 7) % 8), 5),
       substr('CI-20WL-20TL-10AN-05', 1 + 5 * (i % 4), 5), 'life', 240,
       applied_on || 'T10:00:00+08:00', applied_on,
       CASE WHEN i <= ${N} AND i % 10 < 7 THEN date(applied_on, '+5 days') || 'T15:00:00+08:00' END,
       '${NOW}', '${NOW}',
       CASE WHEN i <= ${N} THEN date(applied_on, '+1 day') END
     FROM (SELECT i, CASE WHEN i <= ${N} THEN date('2025-12-01', '+' || (i % 364) || ' days') ELSE '${FULL_AS_OF}' END AS applied_on FROM g)`,
  );
  step(
    'customers',
    `INSERT INTO customers (id, id_type, id_bidx, data_digest, version, submission_id, party_role, party_seq, created_at, updated_at)
     SELECT i, 'RESIDENT_ID', ${bidx('id', 'i')}, lower(hex(randomblob(16))), 1, i, 'applicant', 0, '${NOW}', '${NOW}' FROM g`,
  );
  step(
    'policy_parties',
    `INSERT INTO policy_parties (policy_no, role, seq, customer_id, relation, share_pct, submission_id)
     SELECT ${policyNo('sqlite', 'g.i')}, CASE k.n WHEN 1 THEN 'applicant' ELSE 'insured' END, 0,
       CASE k.n WHEN 1 THEN g.i ELSE g.insured END, CASE k.n WHEN 1 THEN NULL ELSE 'spouse' END, NULL, g.i
     FROM g CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2) k WHERE k.n = 1 OR g.insured IS NOT NULL`,
  );
  step(
    'contacts',
    `INSERT INTO contacts (policy_no, party_role, party_seq, customer_id, kind, bidx) ${contactRows('sqlite', T)}`,
  );
  step(
    'agents',
    `CREATE TEMP TABLE s AS WITH RECURSIVE s(a) AS (SELECT 0 UNION ALL SELECT a + 1 FROM s WHERE a < ${SELLERS - 1}) SELECT a FROM s;
     INSERT INTO agents (agent_code, kind, agency_kind, branch_code, qualified_on, content_digest, sealed, version,
       created_at, updated_at, id_bidx)
     SELECT ${sellerCode('a')}, CASE WHEN a % 10 < 6 THEN 'agent' ELSE 'bancassurance_specialist' END,
       NULL, 'SH-PD', '2020-01-01', lower(hex(randomblob(16))), x'00', 1, '${NOW}', '${NOW}', ${bidx('id', '300000000 + a')}
     FROM s;
     INSERT INTO agent_contacts (agent_code, owner, kind, bidx)
     SELECT ${sellerCode('a')}, 'self', CASE k.n WHEN 3 THEN 'address' ELSE 'phone' END,
       CASE k.n WHEN 1 THEN ${bidx('phone', '200000000 + 2 * a')}
                WHEN 2 THEN ${bidx('phone', '200000000 + 2 * a + 1')}
                ELSE ${bidx('address', '200000000 + a')} END
     FROM s CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) k;
     DROP TABLE s`,
  );
  // P5.14: three sellers with two verified misleading-sales complaints in the year; some that do not count.
  const complaint = db.prepare(
    `INSERT INTO complaints (complaint_no, agent_code, policy_no, received_on, kind, verified, verified_on,
       content_digest, sealed, version, created_at, updated_at)
     VALUES (?, ?, NULL, ?, ?, ?, ?, 'digest', x'00', 1, '${NOW}', '${NOW}')`,
  );
  let no = 0;
  const add = (seller, kind, verified, on) =>
    complaint.run(`C${String(++no).padStart(6, '0')}`, `A${100000 + seller}`, on, kind, verified, verified ? on : null);
  for (const seller of RECHECK) {
    add(seller, 'misleading_sales', 1, '2026-06-15');
    add(seller, 'misleading_sales', 1, '2026-10-20');
  }
  add(21, 'misleading_sales', 1, '2026-09-01'); // one only
  add(31, 'misleading_sales', 0, '2026-09-01'); // not verified
  add(31, 'misleading_sales', 1, '2026-09-02');
  add(41, 'service', 1, '2026-09-01'); // another kind
  add(41, 'misleading_sales', 1, '2026-09-03');
  db.exec(
    `INSERT INTO product_terms (product_code, cooling_off_days, version, updated_at) VALUES ('WL-20', 20, 1, '${NOW}')`,
  );
  db.exec('DROP TABLE g');
  db.exec('COMMIT');
  const t = performance.now();
  for (const { sql } of indexes) db.exec(sql);
  timings.indexes = +((performance.now() - t) / 1000).toFixed(1);
  db.pragma('journal_mode = WAL'); // as the store runs
  const count = (table) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  const rows = Object.fromEntries(
    ['applications', 'customers', 'policy_parties', 'contacts', 'agents', 'agent_contacts', 'complaints'].map((t) => [
      t,
      count(t),
    ]),
  );
  db.close();
  return {
    seconds: +((performance.now() - started) / 1000).toFixed(1),
    steps: timings,
    rows,
    fileMb: Math.round(fs.statSync(file).size / 1e6),
  };
}

// --- the scans -------------------------------------------------------------------------------

/**
 * Times every SQLite statement the scan runs (better-sqlite3's all/run/get/iterate), grouped by
 * its SQL with IN-lists folded, so the report says which queries the time goes to.
 */
function traceStatements() {
  const probe = new SQLite(':memory:');
  const Statement = Object.getPrototypeOf(probe.prepare('select 1'));
  probe.close();
  const byShape = new Map();
  const slow = [];
  const shape = (sql) =>
    sql
      .replace(/\?(?:, \?)+/g, '?…')
      .replace(/(\([^()]*\))(?:, \1)+/g, '$1…')
      .replace(/\s+/g, ' ');
  for (const method of ['all', 'run', 'get', 'iterate']) {
    const original = Statement[method];
    Statement[method] = function timed(...args) {
      const t = performance.now();
      const result = original.apply(this, args);
      const ms = performance.now() - t;
      const key = shape(this.source);
      const entry = byShape.get(key) ?? { sql: key, calls: 0, rows: 0, ms: 0 };
      entry.calls++;
      entry.ms += ms;
      entry.rows += Array.isArray(result) ? result.length : (result?.changes ?? 0);
      byShape.set(key, entry);
      if (ms > 500) {
        const first = Array.isArray(args[0]) ? args[0].slice(0, 2) : args.slice(0, 2);
        const rows = Array.isArray(result) ? result.length : (result?.changes ?? 0);
        const statement = { sql: key.slice(0, 160), params: first.map(String), ms: Math.round(ms), rows };
        slow.push(statement);
        // As it happens: a phase stopped for its time limit still leaves this on stderr.
        process.stderr.write(`#slow ${JSON.stringify(statement)}\n`);
      }
      return result;
    };
  }
  return () => {
    const all = [...byShape.values()].sort((a, b) => b.ms - a.ms);
    const sqlMs = all.reduce((s, e) => s + e.ms, 0);
    return {
      sqlSeconds: +(sqlMs / 1000).toFixed(1),
      statements: all.reduce((s, e) => s + e.calls, 0),
      top: all.slice(0, 8).map((e) => ({ ...e, sql: e.sql.slice(0, 240), ms: Math.round(e.ms) })),
      slow,
    };
  };
}

async function scan(mode) {
  const report = traceStatements();
  const deps = await bootstrap({ dataDir });
  const baselineRssMb = Math.round(process.memoryUsage().rss / 1e6);
  const asOf = mode === 'full' ? FULL_AS_OF : DAILY_AS_OF;
  const started = performance.now();
  const result = await scanBook(deps, { asOf, mode });
  const seconds = (performance.now() - started) / 1000;
  await deps.db.close();
  const statements = report();
  return {
    asOf,
    mode,
    applications: result.applications,
    items: result.items.length,
    byRule: result.summary.byRule,
    seconds: +seconds.toFixed(1),
    jsSeconds: +(seconds - statements.sqlSeconds).toFixed(1),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    baselineRssMb,
    ...statements,
  };
}

// --- the same GROUP BY on SQLite ---------------------------------------------------------------

/**
 * DuckDB's plain GROUP BY asked of SQLite, on the store with the store's pragmas (32 MiB cache):
 * what SQLite itself takes for the grouping, without the scan's join to the applications.
 */
function plain() {
  const db = new SQLite(path.join(dataDir, 'veracity.db'), { readonly: true });
  db.pragma('cache_size = -32768');
  const sql = `SELECT kind, cast(bidx AS text) FROM contacts WHERE customer_id <= ${N} GROUP BY kind, bidx HAVING count(DISTINCT customer_id) > 1`;
  const plan = db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all()
    .map((r) => r.detail);
  const started = performance.now();
  const rows = db.prepare(sql).raw(true).all();
  const seconds = (performance.now() - started) / 1000;
  db.close();
  const byKind = {};
  for (const [kind] of rows) byKind[kind] = (byKind[kind] ?? 0) + 1;
  return {
    query: sql,
    plan,
    seconds: +seconds.toFixed(1),
    rows: rows.length,
    byKind,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

// --- DuckDB ----------------------------------------------------------------------------------

/**
 * The same contact rows, of the book the full scan sees (customers 1..N), grouped by DuckDB; and
 * the full scan's own query shape (joined to the applications, one kind at a time) beside it.
 */
async function duck() {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const built = performance.now();
  await connection.run(`CREATE TABLE contacts AS ${contactRows('duckdb', N)}`);
  await connection.run(
    `CREATE TABLE applications AS SELECT ${policyNo('duckdb', 'i')} AS policy_no,
       CASE WHEN i <= ${N} THEN CAST(DATE '2025-12-01' + CAST(i % 364 AS INTEGER) AS VARCHAR) ELSE '${FULL_AS_OF}' END AS applied_on
     FROM range(1, ${T + 1}) t(i)`,
  );
  const buildSeconds = (performance.now() - built) / 1000;
  /** Rows are read back into JavaScript, as the scan reads its query's rows. */
  const time = async (sql) => {
    await connection.runAndReadAll(sql); // once to warm up, as SQLite's file is in the page cache
    const started = performance.now();
    const rows = (await connection.runAndReadAll(sql)).getRows();
    return { seconds: (performance.now() - started) / 1000, rows };
  };
  const plain = 'SELECT kind, bidx FROM contacts GROUP BY kind, bidx HAVING count(DISTINCT customer_id) > 1';
  const grouped = await time(plain);
  const byKind = {};
  for (const [kind] of grouped.rows) byKind[kind] = (byKind[kind] ?? 0) + 1;
  // What repo.sharedValues asks SQLite, once per kind.
  const scanShape = (kind) => `SELECT CAST(contacts.bidx AS VARCHAR) AS bidx FROM contacts
    JOIN applications ON applications.policy_no = contacts.policy_no
    WHERE contacts.kind = '${kind}' AND applications.applied_on < '${FULL_AS_OF}'
    GROUP BY contacts.bidx
    HAVING count(DISTINCT coalesce(CAST(contacts.customer_id AS VARCHAR), contacts.policy_no || '/' || contacts.party_role || '/' || contacts.party_seq)) > 1`;
  const phone = await time(scanShape('phone'));
  const account = await time(scanShape('account'));
  const contacts = Number((await connection.runAndReadAll('SELECT count(*) FROM contacts')).getRows()[0][0]);
  connection.closeSync();
  instance.closeSync();
  return {
    contacts,
    buildSeconds: +buildSeconds.toFixed(1),
    query: plain,
    seconds: +grouped.seconds.toFixed(2),
    rows: grouped.rows.length,
    byKind,
    scanShape: {
      seconds: +(phone.seconds + account.seconds).toFixed(2),
      phone: phone.rows.length,
      account: account.rows.length,
    },
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

const phases = { seed, full: () => scan('full'), daily: () => scan('daily'), plain, duckdb: duck };
if (!phases[phase]) throw new Error(`unknown phase ${phase}`);
const result = await phases[phase]();
process.stdout.write(`${JSON.stringify(result)}\n`);
