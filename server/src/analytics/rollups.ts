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
  /** Day-visitor hashes seen for the row, with `uniqueVisitors` only. */
  visitors?: Set<string>;
}

/** Rows written in one INSERT: 200 rows of 10 values stay far below every engine's limit. */
const CHUNK = 200;

/**
 * Joins a row's key values. NUL separates them because no value can hold one: ids with a NUL are
 * refused at the edge (events-body.ts), and the rest are configured names, locale codes and
 * documentIds. Distinct rows therefore get distinct keys, and the keys sort as their columns do.
 * A template string, not JSON.stringify of an array: `add` runs for every event, three or more
 * keys each, and this was its largest cost under load (a CPU profile of the events endpoint).
 */
const SEPARATOR = '\u0000';

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
    const { day, typeName, documentId, locale, eventType, visitor } = event;
    const { visitorPersona, visitorStage, target, contentStage } = event;
    this.pendingEvents += 1;
    // Key in EVENT_ROLLUP_KEY's column order; the row object is built only for a new key.
    const eventKey = [
      day,
      typeName,
      documentId,
      locale,
      eventType,
      visitorPersona,
      visitorStage,
      target,
    ].join(SEPARATOR);
    bump(this.events, eventKey, visitor, () => ({
      day,
      type_name: typeName,
      document_id: documentId,
      locale,
      event_type: eventType,
      persona: visitorPersona,
      stage: visitorStage,
      target,
    }));
    // Keys in SEGMENT_ROLLUP_KEY's column order: day, type_name, locale, scope, content_stage,
    // content_persona, event_type.
    const segment = (scope: 'stage' | 'cell', persona: string) => () => ({
      day,
      type_name: typeName,
      locale,
      scope,
      content_stage: contentStage,
      content_persona: persona,
      event_type: eventType,
    });
    const prefix = `${day}${SEPARATOR}${typeName}${SEPARATOR}${locale}${SEPARATOR}`;
    const stageKey = `${SEPARATOR}${contentStage}${SEPARATOR}`;
    bump(
      this.segments,
      `${prefix}stage${stageKey}${SEPARATOR}${eventType}`,
      visitor,
      segment('stage', '')
    );
    // An entry with two personas counts in both persona cells, as coverage counts it.
    const personas = event.contentPersonas;
    if (personas.length === 0) {
      bump(
        this.segments,
        `${prefix}cell${stageKey}${SEPARATOR}${eventType}`,
        visitor,
        segment('cell', '')
      );
      return;
    }
    personas.forEach((persona, index) => {
      if (personas.indexOf(persona) !== index) return; // listed twice: counted once
      bump(
        this.segments,
        `${prefix}cell${stageKey}${persona}${SEPARATOR}${eventType}`,
        visitor,
        segment('cell', persona)
      );
    });
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
    for (const [map, from] of [
      [this.events, taken.events],
      [this.segments, taken.segments],
    ] as const) {
      for (const [key, pending] of from) {
        const target = map as Map<string, Pending<Record<string, string>>>;
        const existing = target.get(key);
        if (existing) {
          existing.count += pending.count;
          for (const visitor of pending.visitors ?? []) addVisitor(existing, visitor);
        } else {
          target.set(key, pending);
        }
      }
    }
  }
}

const addVisitor = (pending: Pending<Record<string, string>>, visitor: string) => {
  pending.visitors ??= new Set();
  pending.visitors.add(visitor);
};

/** Adds one to the row under `key`, creating it (with `row()`) the first time. */
const bump = <Row extends Record<string, string>>(
  map: Map<string, Pending<Row>>,
  key: string,
  visitor: string | undefined,
  row: () => Row
) => {
  let pending = map.get(key);
  if (!pending) {
    pending = { row: row(), count: 0 };
    map.set(key, pending);
  }
  pending.count += 1;
  if (visitor) addVisitor(pending as Pending<Record<string, string>>, visitor);
};

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
        [...(pending.visitors ?? [])].map((visitor) => ({
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
