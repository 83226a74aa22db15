import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { EventType } from '../../../shared/contracts';
import {
  EVENT_ROLLUP_KEY,
  EVENT_ROLLUPS_TABLE,
  SEGMENT_ROLLUP_KEY,
  SEGMENT_ROLLUPS_TABLE,
  VISITORS_TABLE,
} from './tables';

/** One counted event, resolved against the database: '' stands for "none" (see tables.ts). */
export interface CountedEvent {
  day: string;
  typeName: string;
  documentId: string;
  locale: string;
  eventType: EventType;
  /** Who and where the frontend believed the visitor was: a persona documentId, a stage key. */
  visitorPersona: string;
  visitorStage: string;
  target: string;
  /** The stage and persona documentIds the entry had when the event happened. */
  contentStage: string;
  contentPersonas: readonly string[];
  /** The visitor's hash for the day, with `uniqueVisitors` only. */
  visitor?: string;
}

type EventRow = Record<(typeof EVENT_ROLLUP_KEY)[number], string>;
type SegmentRow = Record<(typeof SEGMENT_ROLLUP_KEY)[number], string>;

interface Pending<Row> {
  row: Row;
  count: number;
  visitors: Set<string>;
}

/** Rows written in one INSERT: 200 rows of 10 values stay far below every engine's limit. */
const CHUNK = 200;

const keyOf = (row: Record<string, string>, columns: readonly string[]) =>
  JSON.stringify(columns.map((column) => row[column]));

/**
 * Counted events waiting to be written, already summed into the rows they add to: a burst of a
 * thousand views of one page is one row. Memory grows with the distinct rows of one flush window,
 * not with the events.
 */
export class RollupBuffer {
  private events = new Map<string, Pending<EventRow>>();
  private segments = new Map<string, Pending<SegmentRow>>();
  /** Events added since the last flush began (what `flushMaxEvents` is compared with). */
  pendingEvents = 0;

  get distinctRows() {
    return this.events.size + this.segments.size;
  }

  add(event: CountedEvent) {
    const { day, typeName, locale, eventType } = event;
    this.pendingEvents += 1;
    this.bump(this.events, EVENT_ROLLUP_KEY, event.visitor, {
      day,
      type_name: typeName,
      document_id: event.documentId,
      locale,
      event_type: eventType,
      persona: event.visitorPersona,
      stage: event.visitorStage,
      target: event.target,
    });
    const segment = {
      day,
      type_name: typeName,
      locale,
      content_stage: event.contentStage,
      event_type: eventType,
    };
    this.bump(this.segments, SEGMENT_ROLLUP_KEY, event.visitor, {
      ...segment,
      scope: 'stage',
      content_persona: '',
    });
    // An entry with two personas counts in both persona cells, as coverage counts it.
    const personas = event.contentPersonas.length > 0 ? event.contentPersonas : [''];
    for (const persona of new Set(personas)) {
      this.bump(this.segments, SEGMENT_ROLLUP_KEY, event.visitor, {
        ...segment,
        scope: 'cell',
        content_persona: persona,
      });
    }
  }

  private bump<Row extends Record<string, string>>(
    map: Map<string, Pending<Row>>,
    columns: readonly string[],
    visitor: string | undefined,
    row: Row,
    count = 1
  ) {
    const key = keyOf(row, columns);
    let pending = map.get(key);
    if (!pending) {
      pending = { row, count: 0, visitors: new Set() };
      map.set(key, pending);
    }
    pending.count += count;
    if (visitor) pending.visitors.add(visitor);
  }

  /** Empties the buffer, handing over what it held (for `restore` if the write fails). */
  take(): BufferedRows {
    const taken = {
      events: this.events,
      segments: this.segments,
      pendingEvents: this.pendingEvents,
    };
    this.events = new Map();
    this.segments = new Map();
    this.pendingEvents = 0;
    return taken;
  }

  /** Puts rows whose write failed back, added to anything counted since: nothing is lost. */
  restore(taken: BufferedRows) {
    this.pendingEvents += taken.pendingEvents;
    for (const [map, from, columns] of [
      [this.events, taken.events, EVENT_ROLLUP_KEY],
      [this.segments, taken.segments, SEGMENT_ROLLUP_KEY],
    ] as const) {
      for (const pending of from.values()) {
        const target = map as Map<string, Pending<Record<string, string>>>;
        const key = keyOf(pending.row, columns);
        const existing = target.get(key);
        if (existing) {
          existing.count += pending.count;
          for (const visitor of pending.visitors) existing.visitors.add(visitor);
        } else {
          target.set(key, pending);
        }
      }
    }
  }
}

export interface BufferedRows {
  events: Map<string, Pending<EventRow>>;
  segments: Map<string, Pending<SegmentRow>>;
  pendingEvents: number;
}

/** Which of the given visitor-row hashes were not counted yet today: inserts them, returns those. */
const newVisitorHashes = async (
  trx: Knex.Transaction,
  rows: Array<{ day: string; hash: string }>
) => {
  const inserted = new Set<string>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const returned = (await trx(VISITORS_TABLE)
      .insert(rows.slice(i, i + CHUNK))
      .onConflict(['day', 'hash'])
      .ignore()
      .returning('hash')) as Array<{ hash: string } | string>;
    for (const value of returned) inserted.add(typeof value === 'string' ? value : value.hash);
  }
  return inserted;
};

/**
 * Writes buffered rows as additive upserts in one transaction: `count = count + excluded.count`
 * is atomic on SQLite and PostgreSQL, so several server instances flushing into the same rows at
 * once each add their share. Rows are written in key order, so two instances' transactions take
 * PostgreSQL's row locks in the same order and cannot deadlock.
 */
export const writeRollups = async (knex: Knex, taken: BufferedRows) => {
  const tables = [
    { name: EVENT_ROLLUPS_TABLE, key: EVENT_ROLLUP_KEY, rows: taken.events },
    { name: SEGMENT_ROLLUPS_TABLE, key: SEGMENT_ROLLUP_KEY, rows: taken.segments },
  ];
  await knex.transaction(async (trx) => {
    for (const { name, key, rows } of tables) {
      const sorted = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      // Unique visitors: a visitor counts once per row and day, whichever instance saw them first.
      const hashed = sorted.flatMap(([rowKey, pending]) =>
        [...pending.visitors].map((visitor) => ({
          rowKey,
          day: pending.row.day,
          hash: createHash('sha256').update(`${name}\n${rowKey}\n${visitor}`).digest('hex'),
        }))
      );
      const fresh =
        hashed.length > 0
          ? await newVisitorHashes(
              trx,
              hashed.map(({ day, hash }) => ({ day, hash }))
            )
          : new Set<string>();
      const visitorsByRow = new Map<string, number>();
      for (const { rowKey, hash } of hashed) {
        if (fresh.has(hash)) visitorsByRow.set(rowKey, (visitorsByRow.get(rowKey) ?? 0) + 1);
      }
      const values = sorted.map(([rowKey, pending]) => ({
        ...pending.row,
        count: pending.count,
        visitors: visitorsByRow.get(rowKey) ?? 0,
      }));
      for (let i = 0; i < values.length; i += CHUNK) {
        await trx(name)
          .insert(values.slice(i, i + CHUNK))
          .onConflict([...key])
          .merge({
            count: trx.raw('??.?? + excluded.??', [name, 'count', 'count']),
            visitors: trx.raw('??.?? + excluded.??', [name, 'visitors', 'visitors']),
          });
      }
    }
  });
};
