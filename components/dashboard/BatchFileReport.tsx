import type { BatchFileNumbers, BatchRowProblem, BatchRowProblemKind } from './batch-file-numbers';
import { lang, s, type StringKey } from './strings';

/** Rows listed per kind; the rest are counted. */
const MAX_LISTED = 50;

const GROUPS: readonly { kind: BatchRowProblemKind; label: StringKey; hint?: StringKey }[] = [
  { kind: 'damaged', label: 'batchProblemDamaged', hint: 'batchProblemDamagedHint' },
  { kind: 'empty', label: 'batchProblemEmpty' },
  { kind: 'not-id', label: 'batchProblemNotId' },
  { kind: 'duplicate', label: 'batchProblemDuplicate' },
];

/** 0 → A, 25 → Z, 26 → AA: the column as the spreadsheet names it. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function rowText(problem: BatchRowProblem): string {
  // row numbers as typed (a grouped 1,234 reads like an amount)
  const row = String(problem.row);
  if (problem.kind === 'duplicate') return s('batchProblemDuplicateRow', { row, first: String(problem.firstRow) });
  const label = s('batchProblemRow', { row });
  return problem.shown ? `${label} ${problem.shown}` : label;
}

/** Where the numbers of an imported file came from, and every row that was not looked up, by kind. */
export function BatchFileReport({ read }: { read: BatchFileNumbers }) {
  const { column } = read;
  const values = {
    file: read.fileName,
    sheet: read.format === 'xlsx' || read.format === 'xls' ? s('batchFileSheet', { sheet: column.sheetName }) : '',
    column: columnLetter(column.column),
    header: column.header ?? '',
    row: String(read.headerRowNumber ?? ''),
    n: read.numbers.length,
  };
  return (
    <div
      className="batch-file-report"
      data-batch-file={read.fileName}
      data-sheet={column.sheetName}
      data-column={columnLetter(column.column)}
      data-by={column.by}
      data-numbers={read.numbers.length}
    >
      <p>{s(column.by === 'header' ? 'batchFileByHeader' : 'batchFileByValues', values)}</p>
      {read.problems.length > 0 && (
        <div data-batch-problems={read.problems.length}>
          <p>{s('batchFileSkipped', { n: read.problems.length })}</p>
          {GROUPS.map(({ kind, label, hint }) => {
            const rows = read.problems.filter((problem) => problem.kind === kind);
            if (rows.length === 0) return null;
            return (
              <div key={kind} className={`problem-group problem-${kind}`} data-problem-group={kind} data-count={rows.length}>
                <strong>{lang === 'zh' ? `${s(label)}（${rows.length}）` : `${s(label)} (${rows.length})`}</strong>
                {hint && <p className="hint">{s(hint)}</p>}
                <ul className="problem-rows">
                  {rows.slice(0, MAX_LISTED).map((problem, index) => (
                    <li key={index} data-batch-problem={kind} data-row={problem.row}>
                      {rowText(problem)}
                    </li>
                  ))}
                  {rows.length > MAX_LISTED && <li>{s('batchProblemMore', { n: rows.length - MAX_LISTED })}</li>}
                </ul>
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
