import type { ConnectionStatus } from '../contract/api';
import type { Database } from '../db/database';
import { recordedSchemaVersion } from '../db/schema';
import { DEFAULT_MATCH_THRESHOLD } from '../core/rules';

/** What the status bar shows: server, database, schema version and graph size. */
export async function connectionStatus(db: Database): Promise<ConnectionStatus> {
  const [info, components, size, schemaVersion] = await Promise.all([
    db.serverInfo(),
    db.read('db/server-components'),
    db.read('db/graph-size'),
    recordedSchemaVersion(db),
  ]);
  const kernel = components.find((c) => c.get('name') === 'Neo4j Kernel') ?? components[0];
  const versions = (kernel?.get('versions') as string[] | undefined) ?? [];
  const serverVersion = versions[0] ?? info.agent.replace(/^Neo4j\//, '');
  const counts = size[0];
  return {
    uri: db.settings.uri,
    database: db.settings.database,
    local: db.settings.local,
    serverAgent: info.agent,
    serverVersion,
    edition: String(kernel?.get('edition') ?? 'unknown'),
    schemaVersion,
    nodeCount: Number(counts?.get('nodes') ?? 0),
    relationshipCount: Number(counts?.get('relationships') ?? 0),
    matchThreshold: DEFAULT_MATCH_THRESHOLD,
  };
}
