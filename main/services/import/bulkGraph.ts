/**
 * The graph of a bulk first load as the offline importer's CSV: the same nodes, relationships and
 * properties the transactional path writes (a row's record, case, parties and identifier links are
 * built by the same `addToBatch`), deduplicated here instead of by MERGE. Only what deduplication
 * needs stays in memory: the keys of the records, cases and identifiers written so far, and the
 * writing each address and plate will show (written at the end).
 */
import { mkdir } from 'node:fs/promises';
import type { Profile } from '../../core/profile';
import { addToBatch, newBatch, type Batch, type BatchLink } from './batches';
import { CsvTable, Typed, type CsvPart, type CsvType } from './bulkCsv';
import type { MappedRecord } from './mapStage';
import type { SourceKey } from './source';

/** The importer's input: node and relationship files, by labels or type. */
export interface OfflineImportInput {
  nodes: CsvPart[];
  relationships: CsvPart[];
  /** Bytes the importer's read buffer needs to hold the longest line. */
  readBufferBytes: number;
}

type LinkList = keyof Batch['links'];

/**
 * Each identifier kind: its label, relationship, the properties its MERGE keys on (and sets on
 * creation) in cypher/links/link-*.cypher, and so its identity.
 */
const IDENTIFIERS: Record<LinkList, { label: string; type: string; props: (l: BatchLink) => Record<string, string> }> =
  {
    phones: {
      label: 'Phone',
      type: 'HAS_PHONE',
      props: (l) => ({ e164: l.key, display: l.display, country: l.country }),
    },
    emails: { label: 'Email', type: 'HAS_EMAIL', props: (l) => ({ key: l.key, display: l.display }) },
    addresses: { label: 'Address', type: 'HAS_ADDRESS', props: (l) => ({ key: l.key, display: l.display }) },
    accounts: {
      label: 'Account',
      type: 'HAS_ACCOUNT',
      props: (l) => ({ kind: l.subkind, key: l.key, display: l.display }),
    },
    handles: {
      label: 'Handle',
      type: 'HAS_HANDLE',
      props: (l) => ({ platform: l.subkind, key: l.key, display: l.display }),
    },
    documents: {
      label: 'Document',
      type: 'HAS_DOCUMENT',
      props: (l) => ({ kind: l.subkind, country: l.country, number: l.key, display: l.display }),
    },
    vehicles: {
      label: 'Vehicle',
      type: 'HAS_VEHICLE',
      props: (l) => ({ country: l.country, plate: l.key, display: l.display }),
    },
  };

/** The key properties of each identifier label (its node's identity), from its MERGE. */
const IDENTITY: Record<LinkList, (l: BatchLink) => string[]> = {
  phones: (l) => [l.key],
  emails: (l) => [l.key],
  addresses: (l) => [l.key],
  accounts: (l) => [l.subkind, l.key],
  handles: (l) => [l.subkind, l.key],
  documents: (l) => [l.subkind, l.country, l.key],
  vehicles: (l) => [l.country, l.key],
};

/**
 * The kinds whose display is the value as an agency wrote it (others derive it from the key).
 * Their nodes keep the writing that sorts first, as cypher/links/link-addresses.cypher and
 * link-vehicles.cypher do, so they are written when the load ends, not at their first use.
 */
const DISPLAY_AS_WRITTEN = new Set<LinkList>(['addresses', 'vehicles']);

/** Between the parts of a node's key made of several keys: a control character none of them holds. */
const SEP = '\u001e';

/** A carried-over property as the database describes it: its Cypher type and its value as text. */
export interface CarriedProperty {
  key: string;
  type: string;
  value: string | string[];
}

/** The importer type of a Cypher value type; null for one the bulk load cannot give back. */
function csvTypeOf(cypherType: string): CsvType | null {
  const scalar: Record<string, CsvType> = {
    STRING: 'string',
    INTEGER: 'long',
    FLOAT: 'double',
    BOOLEAN: 'boolean',
    'ZONED DATETIME': 'datetime',
    'LOCAL DATETIME': 'localdatetime',
    DATE: 'date',
    'ZONED TIME': 'time',
    'LOCAL TIME': 'localtime',
    DURATION: 'duration',
  };
  const bare = cypherType.replace(/ NOT NULL$/, '');
  const list = /^LIST<(.+?)(?: NOT NULL)?>$/.exec(bare);
  if (list) {
    const inner = scalar[list[1] as string];
    return inner === 'string' || inner === 'long' || inner === 'double' || inner === 'boolean' ? `${inner}[]` : null;
  }
  return scalar[bare] ?? null;
}

export interface RowContext {
  source: string;
  agency: string;
  fileName: string;
  profile: Profile;
  now: string;
}

/** Writes the graph of a bulk load as CSV into `dir`, row by row. */
export class BulkGraph {
  readonly #dir: string;
  readonly #nodes = new Map<string, CsvTable>();
  readonly #relationships = new Map<string, CsvTable>();
  /**
   * The importer's id of each node met so far, by key. The importer is given whole numbers
   * (--id-type=integer): it maps them to its own ids with less work and memory than texts, and
   * the files are smaller. Parties need no entry: a party is met in its own row only.
   */
  readonly #records = new Map<string, string>();
  readonly #cases = new Map<string, string>();
  readonly #identifiers = new Map<string, string>();
  readonly #sources = new Map<string, string>();
  /** Nodes of the DISPLAY_AS_WRITTEN kinds, by key, with the writing that sorts first so far. */
  readonly #asWritten = new Map<string, { label: string; node: string; props: Record<string, string> }>();
  #nextId = 0;
  /**
   * Seconds on this thread: building each new record's nodes and relationships and deduplicating
   * them by key (`build`), and turning them into CSV and writing it (`csv`).
   */
  readonly seconds = { build: 0, csv: 0 };

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Creates the folder. */
  async open(): Promise<void> {
    await mkdir(this.#dir, { recursive: true, mode: 0o700 });
  }

  #table(map: Map<string, CsvTable>, name: string, labels: string, fixed: string[]): CsvTable {
    let table = map.get(labels);
    if (!table) {
      table = new CsvTable(this.#dir, `${name}-${map.size}`, labels, fixed);
      map.set(labels, table);
    }
    return table;
  }

  #newId(): string {
    return String(this.#nextId++);
  }

  #idOf(map: Map<string, string>, key: string): string {
    let id = map.get(key);
    if (id === undefined) {
      id = this.#newId();
      map.set(key, id);
    }
    return id;
  }

  #node(labels: string): CsvTable {
    return this.#table(this.#nodes, 'nodes', labels, [':ID']);
  }

  #rel(type: string): CsvTable {
    return this.#table(this.#relationships, 'rels', type, [':START_ID', ':END_ID']);
  }

  /**
   * A node already in the database that the load carries into the new store: Caselink's
   * bookkeeping, the audit trail, a registered agency. Throws for a property of a type the
   * importer cannot write back as it was (an empty list, a point).
   */
  async carried(id: string, labels: string[], properties: CarriedProperty[]): Promise<void> {
    const props: Record<string, Typed> = {};
    for (const p of properties) {
      const type = csvTypeOf(p.type);
      const empty = Array.isArray(p.value) && p.value.length === 0;
      if (type === null || empty)
        throw new Error(
          `the ${labels.join(':')} node's property ${p.key} (${empty ? 'an empty list' : p.type}) cannot be carried over by the bulk load`,
        );
      props[p.key] = new Typed(type, p.value);
    }
    await this.#node(labels.join(':')).add([this.#newId()], props);
  }

  /** The Source node of a file read with a profile; the rest of its properties are set once loaded. */
  async source(source: SourceKey, now: string): Promise<void> {
    await this.#node('Source').add([this.#idOf(this.#sources, source.id)], {
      id: source.id,
      sha256: source.sha256,
      profileHash: source.profileHash,
      firstImportedAt: new Typed('datetime', now),
    });
  }

  /**
   * One mapped row: its location in the source, and when its record is new, the record with its
   * case, parties and identifier links. Answers whether the record is new.
   */
  async row(record: MappedRecord, ctx: RowContext): Promise<boolean> {
    const started = performance.now();
    const known = this.#records.get(record.id);
    const fresh = known === undefined;
    const rowNode = known ?? this.#newId();
    const writes: [CsvTable, string[], Record<string, unknown>][] = [
      [
        this.#rel('HAS_ROW'),
        [this.#idOf(this.#sources, ctx.source), rowNode],
        { sheet: record.row.sheet, row: record.row.row },
      ],
    ];
    if (fresh) {
      this.#records.set(record.id, rowNode);
      const batch = newBatch();
      addToBatch(batch, record.row, record.id, ctx);
      const written = batch.records.get(record.id);
      if (!written) throw new Error('a mapped row gave no record');
      writes.push([this.#node('Record'), [rowNode], { ...written.props, id: record.id, source: ctx.source }]);
      for (const c of batch.cases) {
        const caseKey = `${ctx.agency}${SEP}${c.ref}`;
        let caseNode = this.#cases.get(caseKey);
        if (caseNode === undefined) {
          caseNode = this.#newId();
          this.#cases.set(caseKey, caseNode);
          writes.push([this.#node('Case'), [caseNode], { agency: ctx.agency, ref: c.ref }]);
        }
        writes.push([this.#rel('ABOUT'), [rowNode, caseNode], {}]);
      }
      const partyNodes = new Map<string, string>();
      for (const [labels, parties] of [
        ['Person:Party', batch.persons],
        ['Organization:Party', batch.organizations],
      ] as const) {
        for (const p of parties) {
          const partyNode = this.#newId();
          partyNodes.set(p.id, partyNode);
          writes.push([this.#node(labels), [partyNode], { ...p.props, id: p.id }]);
          writes.push([this.#rel('MENTIONS'), [rowNode, partyNode], { role: p.props.role, entity: p.props.entity }]);
        }
      }
      for (const [list, links] of Object.entries(batch.links) as [LinkList, BatchLink[]][]) {
        const kind = IDENTIFIERS[list];
        for (const l of links) {
          const identifierKey = `${kind.label}${SEP}${IDENTITY[list](l).join(SEP)}`;
          let identifierNode = this.#identifiers.get(identifierKey);
          // The first use creates the node, as MERGE … ON CREATE SET does in row order.
          if (identifierNode === undefined) {
            identifierNode = this.#newId();
            this.#identifiers.set(identifierKey, identifierNode);
            if (DISPLAY_AS_WRITTEN.has(list))
              this.#asWritten.set(identifierKey, { label: kind.label, node: identifierNode, props: kind.props(l) });
            else writes.push([this.#node(kind.label), [identifierNode], kind.props(l)]);
          } else if (DISPLAY_AS_WRITTEN.has(list)) {
            const kept = this.#asWritten.get(identifierKey);
            if (kept && l.display < (kept.props.display ?? '')) kept.props.display = l.display;
          }
          const owner = l.owner === l.record ? rowNode : partyNodes.get(l.owner);
          if (owner === undefined)
            throw new Error(`an identifier link names a party its row does not hold (${l.owner})`);
          writes.push([this.#rel(kind.type), [owner, identifierNode], l.props]);
        }
      }
    }
    const decided = performance.now();
    for (const [table, fixed, props] of writes) {
      const wait = table.add(fixed, props);
      if (wait) await wait;
    }
    this.seconds.build += (decided - started) / 1000;
    this.seconds.csv += (performance.now() - decided) / 1000;
    return fresh;
  }

  /** Records written so far. */
  get records(): number {
    return this.#records.size;
  }

  /**
   * Closes every file and answers the importer's input, and which properties the caller must set
   * to an empty list after the load (the importer stores an empty list as no value).
   */
  async close(): Promise<{ input: OfflineImportInput; emptyWarnings: boolean }> {
    for (const { label, node, props } of this.#asWritten.values()) {
      const wait = this.#node(label).add([node], props);
      if (wait) await wait;
    }
    this.#asWritten.clear();
    const tables = [...this.#nodes.values(), ...this.#relationships.values()];
    for (const table of tables) await table.close();
    for (const [labels, table] of this.#nodes) {
      const other = [...table.emptyLists].filter((key) => !(labels === 'Record' && key === 'warnings'));
      if (other.length)
        throw new Error(`${labels}.${other.join(', ')}: an empty list, which the bulk load cannot write`);
    }
    for (const [type, table] of this.#relationships) {
      if (table.emptyLists.size)
        throw new Error(`${type}.${[...table.emptyLists].join(', ')}: an empty list, which the bulk load cannot write`);
    }
    return {
      input: {
        nodes: [...this.#nodes.values()].flatMap((t) => t.parts),
        relationships: [...this.#relationships.values()].flatMap((t) => t.parts),
        // A UTF-16 unit is at most three bytes of UTF-8.
        readBufferBytes: Math.max(4 << 20, 3 * Math.max(0, ...tables.map((t) => t.longestLine)) + (1 << 20)),
      },
      emptyWarnings: this.#nodes.get('Record')?.emptyLists.has('warnings') ?? false,
    };
  }
}
