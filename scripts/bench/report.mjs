// Turns the sections' measurements into bench-results.json (the issue's keys at the top level, details
// below) and the printed table: metric, value, baseline, ratio, budget, holds?
const round = (value, digits = 2) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);

const METHODS = {
  extract:
    'Each console list fixture, served at its real URL in Chromium (a context without the extension, so its content script does not race the timing), grown to 500 rows by cloning its parsed rows with fresh ids of the console format. Reader: reader.read(document, url) bundled into the page. Baseline: querySelectorAll of the same rows, then textContent of every leaf element of each row (the "querySelectorAll + textContent per cell" walk of perf-security.md). Also recorded: a stricter row.textContent-per-row walk. Median of 11 interleaved samples (2 reads each) after 4 warm-ups, garbage collected before each sample (--expose-gc); per console the worst of its list layouts; the headline is the worst console.',
  inject:
    'The same pages grown to 1,000 rows; reader run once untimed, orders parsed with CapturedOrderSchema, page style added once. Timed: ensureRowControls on every row + document.body.offsetHeight (forced layout) vs appending the same number of plain <button>s with the same labels to the same elements + forced layout. Controls removed, layout flushed and garbage collected between samples. Median of 9 interleaved samples after 2 warm-ups; worst console is the headline.',
  pageUpsert:
    'upsertOrders of a 300-order page into the extension\'s own database (opened in an extension page) holding the seeded history: 150 orders of the history seen again with a moved-on status (new waybill, delivered, completed, after-sale) and 150 new orders. Budget row: a console page — one shop\'s orders, newest first (its new orders on top, then the next orders of its history in list order; page 1, 2, … of that shop as rounds go on; the shop changes every round). Worst-case row (no budget): the changed orders spread over all five platforms and the whole year, which no console page shows. Baseline, right after each save: the records it wrote (read back untimed) put again with raw IndexedDB in one readwrite transaction into the same store. The two shapes alternate; median of 7 each after 2 warm-ups; each round uses different orders. Measured at 10,000 stored orders too, in a fresh browser profile (flat-cost budget: the big store ≤ 1.3× the 10k figure).',
  import:
    'The generated history through the bulk write path (importOrders, as the 导入订单 file import: one transaction, stored keys read once, bulkGet of known orders + merge + bulkPut per 5,000, rollup moves summed and written once at the end) into the empty extension database, vs raw IndexedDB put of the same records (mergeOrder output) in one transaction into a store with the same key path and indexes. One import (it is the seeding); raw measured before and after it, each in a fresh page of its own web origin (an empty IndexedDB backing store, like the extension’s before the import; no deleted 100k database left for the extension’s store to compact), median of the two.',
  popup:
    'popup.html opened as a tab of the extension (chrome-extension://<id>/popup.html) with the history stored and lastKnownOrderCount set as the background leaves it. In-page timing from navigation start (performance.timeOrigin): a MutationObserver installed before the page scripts sees the first [data-kpi][data-value] tile, then requestAnimationFrame → setTimeout(0) marks the end of the frame that paints it. Baseline: bench-paint-baseline.html, a bare page the bench writes into its own copy of the built extension (so it is served from the extension origin like popup.html, never shipped): raw indexedDB.open of the same database, the rollup rows of today and yesterday through the day index (what the first tile reads), one [data-kpi][data-value] element with the sum; same probe, same timing. Popup and bare page alternate, median of 7 each after 1 warm-up; measured at 10,000 stored orders too (flat-cost budget).',
  export:
    'The product export path minus the download: exportKeys + reminders + buildOrdersCsv over orderChunks (Dexie bulkGet in chunks of 2,000) + one Blob, vs one raw IDB getAll + Papa.unparse of the same 22 columns straight from the records + one Blob. Median of 3 interleaved runs (no separate warm-up: one run is 100k rows, the JIT is warm within its first chunks).',
  tap:
    'A page at the 抖店 list URL requests /api/order/searchlist answering a 500-order body (the fixture body grown by cloning rows with fresh ids) and times request → its own handler having the parsed body: fetch + json(), and XHR + JSON.parse(responseText). With the built extension (tap + content script + background capture) vs a context without it; 300 ms between samples (a console fetches a page, then the seller reads it), batches interleaved, median of 40 samples each after 3 warm-ups. capture_ms_per_100_orders: in a plain page, parseConsoleJson + the endpoint reader + CapturedOrderSchema of every order, per console on its fixture body grown to 500 rows; median of 15 after 3 warm-ups.',
  contentScripts:
    'gzip (node zlib, default level) of each .output/chrome-mv3/content-scripts/*.js; heavy libraries detected by strings that survive minification.',
};

/** 10k, 100k, 1m: how the result keys name a store size. */
function sizeLabel(orders) {
  return orders >= 1_000_000 ? `${orders / 1_000_000}m` : `${orders / 1000}k`;
}

function worstByRatio(entries) {
  return entries.reduce((worst, entry) => (!worst || entry.ratio > worst.ratio ? entry : worst), undefined);
}

function perConsole(layouts, pick) {
  const byPlatform = {};
  for (const layout of layouts) {
    const entry = pick(layout);
    if (!byPlatform[layout.platform] || entry.ratio > byPlatform[layout.platform].ratio) byPlatform[layout.platform] = entry;
  }
  return byPlatform;
}

export function buildResults(sections, environment) {
  const results = {};
  const budgets = [];
  const add = (metric, value, baseline, ratio, budget, holds, note) =>
    budgets.push({ metric, value: round(value), baseline: round(baseline), ratio: round(ratio), budget, holds, ...(note ? { note } : {}) });
  const details = {};

  const layouts = sections.console?.layouts ?? [];
  if (layouts.length) {
    const extractOf = (layout) => ({
      fixture: layout.fixture,
      layout: layout.layout,
      rows: layout.rows,
      parsed_rows: layout.parsedRows,
      ms_per_100_rows: round(layout.readerMsPer100, 3),
      baseline_ms_per_100_rows: round(layout.leafTextMsPer100, 3),
      ratio: round(layout.readerMsPer100 / layout.leafTextMsPer100),
      row_textcontent_ms_per_100_rows: round(layout.rowTextMsPer100, 3),
      ratio_vs_row_textcontent: round(layout.readerMsPer100 / layout.rowTextMsPer100),
    });
    const injectOf = (layout) => ({
      fixture: layout.fixture,
      rows: layout.injectRows,
      buttons: layout.injectButtons,
      ms: round(layout.injectMs, 1),
      baseline_ms: round(layout.injectPlainMs, 1),
      ratio: round(layout.injectMs / layout.injectPlainMs),
    });
    const extract = perConsole(layouts, extractOf);
    const worstExtract = worstByRatio(Object.entries(extract).map(([platform, entry]) => ({ platform, ...entry })));
    results.extract_ms_per_100_rows = worstExtract.ms_per_100_rows;
    results.extract_baseline_ms_per_100_rows = worstExtract.baseline_ms_per_100_rows;
    results.extract_ratio_max = worstExtract.ratio;
    results.extract_worst_console = `${worstExtract.platform}/${worstExtract.fixture}`;
    results.extract_per_console = extract;
    for (const [platform, entry] of Object.entries(extract)) {
      const parsedNote = entry.parsed_rows === entry.rows ? '' : `; only ${entry.parsed_rows}/${entry.rows} rows parsed`;
      add(
        `extract ${platform} (${entry.fixture})`,
        entry.ms_per_100_rows,
        entry.baseline_ms_per_100_rows,
        entry.ratio,
        '≤ 2× baseline',
        entry.ratio <= 2 && !parsedNote,
        `ms per 100 rows; ${entry.ratio_vs_row_textcontent}× a row.textContent walk${parsedNote}`,
      );
    }
    const inject = perConsole(layouts, injectOf);
    const worstInject = worstByRatio(Object.entries(inject).map(([platform, entry]) => ({ platform, ...entry })));
    results.inject_1000_rows_ms = worstInject.ms;
    results.inject_1000_rows_baseline_ms = worstInject.baseline_ms;
    results.inject_ratio_max = worstInject.ratio;
    results.inject_worst_console = `${worstInject.platform}/${worstInject.fixture}`;
    results.inject_per_console = inject;
    for (const [platform, entry] of Object.entries(inject)) {
      add(`inject 1000 rows ${platform} (${entry.fixture})`, entry.ms, entry.baseline_ms, entry.ratio, '≤ 1.5× baseline', entry.ratio <= 1.5, 'ms, layout included');
    }
    details.console_layouts = layouts.map((layout) => ({ ...extractOf(layout), platform: layout.platform, inject: injectOf(layout), samples: layout.samples, page_errors: layout.pageErrors }));
  }

  for (const failure of sections.console?.failures ?? []) {
    add(`extract/inject ${failure.platform} (${failure.fixture})`, null, null, null, 'measured', false, `not measured: ${failure.reason}`);
  }

  const ext = sections.extension;
  const size = sizeLabel(environment.orders ?? 100_000);
  if (ext) {
    const upsert = ext.pageUpsert;
    results[`page_upsert_300_into_${size}_ms`] = round(upsert.ms, 1);
    results[`page_upsert_300_into_${size}_raw_ms`] = round(upsert.rawMs, 1);
    add(`page_upsert_300_into_${size}_ms`, upsert.ms, upsert.rawMs, upsert.ms / upsert.rawMs, '≤ 2× raw put of the same records', upsert.ms / upsert.rawMs <= 2);
    const scattered = ext.pageUpsertScattered;
    if (scattered) {
      results[`page_upsert_300_scattered_into_${size}_ms`] = round(scattered.ms, 1);
      results[`page_upsert_300_scattered_into_${size}_raw_ms`] = round(scattered.rawMs, 1);
      add(`page_upsert_300_scattered_into_${size}_ms`, scattered.ms, scattered.rawMs, scattered.ms / scattered.rawMs, 'measured (worst case, no budget)', null);
    }
    if (ext.import) {
      results[`import_${size}_ms`] = round(ext.import.ms, 0);
      results[`import_${size}_raw_idb_ms`] = round(ext.import.rawMs, 0);
      results.import_ratio = round(ext.import.ms / ext.import.rawMs);
      add(`import_${size}_ms`, ext.import.ms, ext.import.rawMs, ext.import.ms / ext.import.rawMs, '≤ 1.5× raw IDB put', ext.import.ms / ext.import.rawMs <= 1.5);
    }
    const popup = ext.popup;
    results[`popup_first_kpi_paint_${size}_ms`] = round(popup.ms, 1);
    results.popup_first_paint_baseline_ms = round(popup.baselineMs, 1);
    add(`popup_first_kpi_paint_${size}_ms`, popup.ms, popup.baselineMs, popup.ms / popup.baselineMs, '≤ 1.5× bare extension page', popup.ms / popup.baselineMs <= 1.5);
    const small = ext.small;
    if (small) {
      const smallSize = sizeLabel(small.orders);
      results[`page_upsert_300_into_${smallSize}_ms`] = round(small.pageUpsert.ms, 1);
      results[`page_upsert_300_into_${smallSize}_raw_ms`] = round(small.pageUpsert.rawMs, 1);
      results[`popup_first_kpi_paint_${smallSize}_ms`] = round(small.popup.ms, 1);
      results[`popup_first_paint_baseline_${smallSize}_ms`] = round(small.popup.baselineMs, 1);
      const flat = (metric, large, base) => add(`${metric} (${size} vs ${smallSize})`, large, base, large / base, `≤ 1.3× the ${smallSize} figure`, large / base <= 1.3);
      flat('page upsert, flat in store size', upsert.ms, small.pageUpsert.ms);
      flat('popup paint, flat in store size', popup.ms, small.popup.ms);
    }
    if (ext.export) {
      results[`export_csv_${size}_ms`] = round(ext.export.ms, 0);
      results[`export_csv_${size}_baseline_ms`] = round(ext.export.baselineMs, 0);
      results.export_ratio = round(ext.export.ms / ext.export.baselineMs);
      add(`export_csv_${size}_ms`, ext.export.ms, ext.export.baselineMs, ext.export.ms / ext.export.baselineMs, '≤ 1.5× getAll + Papa.unparse', ext.export.ms / ext.export.baselineMs <= 1.5);
    }
    if (ext.exportXlsx) {
      results[`export_xlsx_${size}_ms`] = round(ext.exportXlsx.ms, 0);
      results[`export_xlsx_${size}_csv_ms`] = round(ext.exportXlsx.csvMs, 0);
      const ratio = ext.exportXlsx.ms / ext.exportXlsx.csvMs;
      add(`export_xlsx_${size}_ms`, ext.exportXlsx.ms, ext.exportXlsx.csvMs, ratio, '≤ 3× the CSV export', ratio <= 3);
    }
    details.database = {
      generated: ext.generated,
      reminders_seeded: ext.remindersSeeded,
      stored_after: ext.stored,
      import: ext.import,
      page_upsert: ext.pageUpsert,
      page_upsert_scattered: ext.pageUpsertScattered,
      popup: ext.popup,
      export: ext.export,
      small_store: small && { orders: small.orders, generated: small.generated, stored_after: small.stored, page_upsert: small.pageUpsert, popup: small.popup, page_errors: small.pageErrors },
      page_errors: ext.pageErrors,
    };
  }

  const tap = sections.tap;
  if (tap) {
    for (const kind of ['fetch', 'xhr']) {
      const entry = tap.tap[kind];
      if (!entry) continue;
      results[`tap_${kind}_500_orders_ms`] = round(entry.withMs, 2);
      results[`tap_${kind}_500_orders_baseline_ms`] = round(entry.withoutMs, 2);
      results[`tap_${kind}_ratio`] = round(entry.ratio);
      add(`tap ${kind} 500-order response → page handler`, entry.withMs, entry.withoutMs, entry.ratio, '≤ 1.1× without the extension', entry.ratio <= 1.1, tap.tap.pageErrors?.length ? `page errors: ${tap.tap.pageErrors.length}` : undefined);
    }
    results.capture_ms_per_100_orders = Object.fromEntries(Object.entries(tap.capture).map(([platform, entry]) => [platform, round(entry.msPer100, 3)]));
    details.tap = tap;
  }

  if (sections.contentScripts) {
    results.content_script_gzip_kb = Object.fromEntries(sections.contentScripts.map((entry) => [entry.script, round(entry.gzipKb, 1)]));
    for (const entry of sections.contentScripts) {
      add(
        `content_script_gzip_kb ${entry.script}`,
        entry.gzipKb,
        null,
        null,
        'no Dexie/papaparse/charts',
        entry.heavyLibraries.length === 0,
        entry.heavyLibraries.length ? `bundles ${entry.heavyLibraries.join(', ')}` : undefined,
      );
    }
    details.content_scripts = sections.contentScripts;
  }

  // Every key of the issue is present; one that could not be measured is null with the reason.
  const notMeasured = {};
  const sectionOf = {
    extract_ms_per_100_rows: 'console',
    extract_baseline_ms_per_100_rows: 'console',
    inject_1000_rows_ms: 'console',
    inject_1000_rows_baseline_ms: 'console',
    [`page_upsert_300_into_${size}_ms`]: 'extension',
    [`page_upsert_300_into_${size}_raw_ms`]: 'extension',
    page_upsert_300_into_10k_ms: 'extension',
    [`import_${size}_ms`]: 'extension',
    [`import_${size}_raw_idb_ms`]: 'extension',
    [`popup_first_kpi_paint_${size}_ms`]: 'extension',
    popup_first_paint_baseline_ms: 'extension',
    popup_first_kpi_paint_10k_ms: 'extension',
    [`export_csv_${size}_ms`]: 'extension',
    [`export_csv_${size}_baseline_ms`]: 'extension',
    [`export_xlsx_${size}_ms`]: 'extension',
    content_script_gzip_kb: 'size',
  };
  for (const [key, section] of Object.entries(sectionOf)) {
    if (results[key] !== undefined) continue;
    results[key] = null;
    const failed = sections.unavailable?.[section];
    notMeasured[key] = failed ?? `section "${section}" not run (--only)`;
    add(key, null, null, null, 'measured', failed ? false : null, `not measured: ${notMeasured[key]}`);
  }
  return { ...results, ...(Object.keys(notMeasured).length ? { not_measured: notMeasured } : {}), budgets, environment, methods: METHODS, details };
}

export function printTable(results, log) {
  const header = ['metric', 'value', 'baseline', 'ratio', 'budget', 'holds?'];
  const rows = results.budgets.map((row) => [
    row.metric,
    row.value === null ? '—' : String(row.value),
    row.baseline === null ? '—' : String(row.baseline),
    row.ratio === null ? '—' : `${row.ratio}×`,
    row.budget,
    row.holds === null ? '—' : row.holds ? 'yes' : 'NO',
  ]);
  const notes = results.budgets.filter((row) => row.note);
  const width = (text) => [...text].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = header.map((title, column) => Math.max(width(title), ...rows.map((row) => width(row[column]))));
  const line = (cells) => cells.map((cell, column) => cell + ' '.repeat(widths[column] - width(cell))).join('  ');
  log('');
  log(line(header));
  log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows) log(line(row));
  if (notes.length) {
    log('');
    for (const row of notes) log(`  ${row.metric}: ${row.note}`);
  }
  const judged = results.budgets.filter((row) => row.holds !== null);
  log(`\n${judged.filter((row) => row.holds).length}/${judged.length} budgets hold.`);
}
