import { emptyDiagnostics, type ParseDiagnostics, recordSkip, recordStrategy } from '../../capture/diagnostics';
import {
  boundedText,
  type CellValue,
  collapse,
  isPlaceholder,
  itemTitleIn,
  moneyCell,
  orderIdCell,
  orderIdFinder,
  orderIdSkipReason,
  quantityIn,
  readCell,
  statusIn,
  textPieces,
  timeCell,
} from '../../capture/generic-cells';
import { normalizeHeader } from '../../capture/generic-columns';
import { segmentAfterLabel } from '../../capture/generic-labels';
import { provinceCity } from '../../capture/generic-region';
import { readGenericTable } from '../../capture/generic-table';
import { queryAllChain, queryChain, textOf } from '../../capture/strategy';
import type { CapturedOrderInput, Item } from '../../model/order';
import type { PageRead, RowRead } from '../types';
import { COLUMN_COUNT_2021, columnLabels, columnsByIndex2021, labels, type PddColumn, selectors } from './selectors';
import { site } from './site';

interface ColumnMap {
  index: Partial<Record<PddColumn, number>>;
  /** Number of cells a row must have for the map to apply. */
  width: number;
  strategy: string;
}

/** Maps the cards' <td>s by the column header row's labels; the 2021 order when there is no header row. */
function columnMap(root: ParentNode): ColumnMap {
  for (const entry of selectors.columnHeaderRow) {
    for (const row of Array.from(root.querySelectorAll(entry.selector))) {
      const cells = Array.from(row.children);
      const index: Partial<Record<PddColumn, number>> = {};
      cells.forEach((cell, i) => {
        const label = normalizeHeader(collapse(cell.textContent));
        for (const [column, names] of Object.entries(columnLabels) as [PddColumn, readonly string[]][]) {
          if (index[column] === undefined && names.includes(label)) index[column] = i;
        }
      });
      // a header naming at least three of the columns is this layout's header (a missing column stays unknown)
      if (Object.keys(index).length >= 3) {
        return { index, width: cells.length, strategy: `header-labels:${entry.layout}` };
      }
    }
  }
  return { index: columnsByIndex2021, width: COLUMN_COUNT_2021, strategy: 'pdd-2021-td-index' };
}

function timeAfter(text: string, names: readonly string[]): CellValue<number> | null {
  const segment = segmentAfterLabel(text, names);
  return segment === null ? null : timeCell(segment);
}

/** Goods cell: image + name, "ID: <goodsId>", "商家编码: …", spec. */
function itemOf(goods: Element | undefined, quantity: number | null): Item | null {
  const pieces = textPieces(goods);
  const title = itemTitleIn(pieces);
  if (!title) return null;
  const item: Item = { title };
  const rest = pieces.slice(pieces.indexOf(title) + 1).filter((piece) => !/^(?:ID|商家编码|货号)\s*[：:]/i.test(piece));
  const spec = rest.join(' ').trim();
  if (spec && spec.length <= 200) item.spec = spec.replace(/^规格\s*[：:]\s*/, '');
  if (quantity !== null) item.quantity = quantity;
  return item;
}

type Outcome = { order: CapturedOrderInput } | { skip: string };

function readCard(
  card: Element,
  columns: ColumnMap,
  findId: (text: string) => string | null,
  shop: string | null,
  diag: ParseDiagnostics,
): Outcome {
  const headerText = collapse(card.firstElementChild?.textContent);

  // order id: by its label on the header line, else the SN format anywhere on that line
  const labelled = segmentAfterLabel(headerText, labels.orderId);
  let id: CellValue<string> = labelled !== null ? orderIdCell(labelled, findId) : { kind: 'absent' };
  let idStrategy = 'label:订单编号';
  if (id.kind === 'absent') {
    const found = findId(headerText);
    if (found) id = { kind: 'value', value: found };
    idStrategy = 'regex:sn-format';
  }
  if (id.kind !== 'value') return { skip: orderIdSkipReason(id) };

  const order: CapturedOrderInput = { platform: site.platform, orderId: id.value, sourcePage: 'list', items: [], shipments: [] };
  recordStrategy(diag, 'orderId', idStrategy);

  const created = timeAfter(headerText, labels.createdAt);
  if (created?.kind === 'bad') return { skip: 'bad-time' };
  if (created?.kind === 'value') {
    order.createdAt = created.value;
    recordStrategy(diag, 'createdAt', 'label:订单成交时间');
  }
  const promised = timeAfter(headerText, labels.promisedShipAt);
  if (promised?.kind === 'bad') return { skip: 'bad-time' };
  if (promised?.kind === 'value') {
    order.promisedShipAt = promised.value;
    recordStrategy(diag, 'promisedShipAt', 'label:承诺发货时间');
  }

  const row = card.getElementsByTagName('tr')[0];
  const cells: Element[] = [];
  for (let cell = row?.firstElementChild; cell; cell = cell.nextElementSibling) if (cell.tagName === 'TD') cells.push(cell);
  if (cells.length !== columns.width) return { skip: 'unknown-columns' };
  const cell = (column: PddColumn) => {
    const at = columns.index[column];
    return at === undefined ? undefined : cells[at];
  };
  const byIndex = columns.strategy === 'pdd-2021-td-index';
  const status = statusIn(cell('status'));
  const quantityCell = cell('quantity');
  const quantity = quantityCell ? quantityIn(collapse(quantityCell.textContent)) : null;
  // Without a header row the columns are taken by position: a row whose status and quantity cells do not
  // hold a status and a count is not in the 2021 order, and reading it by position could store wrong values.
  if (byIndex && (!status?.status || quantity === null)) return { skip: 'unknown-columns' };

  const amountCell = cell('amount');
  if (amountCell) {
    const amount = readCell(amountCell, moneyCell);
    if (amount.kind === 'bad') return { skip: 'bad-amount' };
    if (amount.kind === 'value') {
      order.amountCents = amount.value;
      recordStrategy(diag, 'amount', columns.strategy);
    }
  }

  if (status) {
    if (status.status) order.status = status.status;
    order.statusText = status.statusText;
    recordStrategy(diag, 'status', status.status ? columns.strategy : 'unknown-words');
  }

  const item = itemOf(cell('goods'), quantity);
  if (item) {
    order.items = [item];
    recordStrategy(diag, 'items', columns.strategy);
  }

  const buyerCell = cell('buyer');
  const buyer = buyerCell ? boundedText(textPieces(buyerCell, 1)[0], 80) : null;
  if (buyer) {
    order.buyer = buyer;
    recordStrategy(diag, 'buyer', columns.strategy);
  }

  const receiverCell = cell('receiver');
  const region = receiverCell ? provinceCity(collapse(receiverCell.textContent)) : null;
  if (region) {
    order.receiverRegion = region;
    recordStrategy(diag, 'receiverRegion', columns.strategy);
  }

  if (shop) order.shop = shop;
  return { order };
}

function emptyRead(diag: ParseDiagnostics, layout: string): PageRead {
  diag.layout = layout;
  return { kind: 'list', rows: [], diagnostics: diag };
}

/** 拼多多 order list (`/orders/list`): `.package-center-table` cards; the generic reader for unknown layouts. */
export function readPddList(doc: Document): PageRead {
  const diag = emptyDiagnostics(site.platform, 'list');
  const root: ParentNode = queryChain(doc, selectors.root, diag, 'root') ?? doc;
  const cards = queryAllChain(root, selectors.orderCards);
  if (cards.elements.length === 0) {
    const generic = readGenericTable(doc, site, 'list');
    if (generic) return generic;
    const empty = queryChain(root, selectors.emptyState);
    return emptyRead(diag, empty && /暂无/.test(textOf(empty)) ? 'pdd-empty-list' : 'none');
  }
  diag.layout = cards.layout;
  const columns = columnMap(root);
  recordStrategy(diag, 'columns', columns.strategy);
  const findId = orderIdFinder(site.orderIdPattern);
  const shopText = textOf(queryChain(doc, selectors.shopName, diag, 'shop'));
  const shop = shopText && !isPlaceholder(shopText) ? boundedText(shopText, 80) : null;

  const rows: RowRead[] = [];
  const seen = new Set<string>();
  for (const card of cards.elements) {
    diag.rowsSeen++;
    try {
      const outcome = readCard(card, columns, findId, shop, diag);
      if ('skip' in outcome) {
        recordSkip(diag, outcome.skip);
        continue;
      }
      if (seen.has(outcome.order.orderId)) {
        recordSkip(diag, 'duplicate-order-id');
        continue;
      }
      seen.add(outcome.order.orderId);
      rows.push({ element: card, order: outcome.order });
      diag.rowsParsed++;
    } catch {
      recordSkip(diag, 'row-error');
    }
  }
  return { kind: 'list', rows, diagnostics: diag };
}
