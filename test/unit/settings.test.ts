import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeOf } from '../../main/cli/options';
import { caselinkHome, configuredConnection, redactUri } from '../../main/config/settings';
import { toCaselinkError } from '../../main/db/database';

describe('where local state lives', () => {
  it('is CASELINK_HOME when set, else the user data folder of the platform', () => {
    expect(caselinkHome({ CASELINK_HOME: '/srv/caselink', HOME: '/home/a' }, 'linux')).toBe('/srv/caselink');
    expect(caselinkHome({ HOME: '/home/a' }, 'linux')).toBe('/home/a/.local/share/caselink');
    expect(caselinkHome({ HOME: '/home/a', XDG_DATA_HOME: '/data' }, 'linux')).toBe('/data/caselink');
    expect(caselinkHome({ HOME: '/Users/a' }, 'darwin')).toBe('/Users/a/Library/Application Support/Caselink');
    expect(caselinkHome({ HOME: 'C:/Users/a', APPDATA: 'C:/Users/a/AppData/Roaming' }, 'win32')).toMatch(
      /Roaming.Caselink$/,
    );
  });

  it('is an absolute path when CASELINK_HOME is relative: the local Neo4j, run in a folder of its own, finds its password', () => {
    expect(caselinkHome({ CASELINK_HOME: 'cases/home' }, 'linux')).toBe(join(process.cwd(), 'cases', 'home'));
    expect(caselinkHome({ CASELINK_HOME: './cases/../home' }, 'linux')).toBe(join(process.cwd(), 'home'));
  });
});

describe('the configured connection', () => {
  it('is none without NEO4J_URI: Caselink then runs its local database', () => {
    expect(configuredConnection({})).toBeNull();
    expect(configuredConnection({ NEO4J_URI: '  ' })).toBeNull();
  });

  it('takes routing and TLS URIs for clusters and Aura, with defaults for user and database', () => {
    expect(configuredConnection({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_PASSWORD: 'pw' })).toEqual({
      uri: 'neo4j+s://abc.databases.neo4j.io',
      user: 'neo4j',
      password: 'pw',
      database: 'neo4j',
    });
    expect(
      configuredConnection({
        NEO4J_URI: 'bolt://10.0.0.5:7687',
        NEO4J_USER: 'analyst',
        NEO4J_PASSWORD: 'pw',
        NEO4J_DATABASE: 'taskforce',
      }),
    ).toMatchObject({
      user: 'analyst',
      database: 'taskforce',
    });
  });

  it('refuses what cannot work, saying why', () => {
    expect(() => configuredConnection({ NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'x' })).toThrow(
      /not a Neo4j address/,
    );
    expect(() => configuredConnection({ NEO4J_URI: 'bolt://u:p@host:7687', NEO4J_PASSWORD: 'x' })).toThrow(
      /must not contain a user or password/,
    );
    expect(() => configuredConnection({ NEO4J_URI: 'bolt://host:7687' })).toThrow(/NEO4J_PASSWORD is not/);
  });
});

describe('credentials in a rejected NEO4J_URI', () => {
  const refusal = (uri: string) => {
    try {
      configuredConnection({ NEO4J_URI: uri, NEO4J_PASSWORD: 'x' });
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`${uri} was accepted`);
  };

  it('are never echoed, wherever they are in the address', () => {
    expect(refusal('http://analyst:S3cret!@db.example:7474')).toBe(
      'NEO4J_URI "http://***@db.example:7474" is not a Neo4j address; use one of bolt://, bolt+s://, bolt+ssc://, neo4j://, neo4j+s://, neo4j+ssc://.',
    );
    expect(refusal('bolt://analyst:S3cret!@db.example:7687')).toBe(
      'NEO4J_URI "bolt://***@db.example:7687" must not contain a user or password; set NEO4J_USER and NEO4J_PASSWORD instead.',
    );
    for (const uri of [
      'bolt://analyst:pa/S3cret@db.example:7687',
      'neo4j://analyst:pa?S3cret@db.example',
      'neo4j://analyst:pa#S3cret@db.example',
      'analyst:S3cret@db.example:7687',
      'https://db.example/browser?token=S3cret',
      'postgres://db.example/#S3cret',
    ]) {
      const message = refusal(uri);
      expect(message, uri).not.toMatch(/S3cret|analyst/);
      expect(message, uri).toContain('db.example');
    }
  });

  it('are redacted by redactUri: user, password, query and fragment', () => {
    expect(redactUri('bolt://db.example:7687')).toBe('bolt://db.example:7687');
    expect(redactUri('neo4j+s://u:p@abc.databases.neo4j.io')).toBe('neo4j+s://***@abc.databases.neo4j.io');
    expect(redactUri('neo4j://db.example?policy=eu&token=t')).toBe('neo4j://db.example?***');
    expect(redactUri('u:p@p@db.example:7687/x#f')).toBe('***@db.example:7687/x?***');
  });
});

describe('a configured connection the CLI cannot use', () => {
  it('is a usage error (exit code 2) naming the missing variable, not an unexpected fault', () => {
    let refused: unknown;
    try {
      configuredConnection({ NEO4J_URI: 'bolt://db.example:7687' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({
      error: { kind: 'InvalidInput', message: 'NEO4J_URI is set but NEO4J_PASSWORD is not.' },
    });
    expect(exitCodeOf((refused as { error: { kind: 'InvalidInput' } }).error.kind)).toBe(2);
  });

  it('is not told to start the local database when no Neo4j answers at NEO4J_URI', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:7687'), { code: 'ServiceUnavailable' });
    const external = toCaselinkError(refused, 'bolt://10.0.0.5:7687');
    expect(external).toMatchObject({
      kind: 'ConnectionUnavailable',
      message: 'No Neo4j answers at bolt://10.0.0.5:7687.',
    });
    expect(external.hint).toMatch(/NEO4J_URI/);
    expect(external.hint).not.toMatch(/db start/);
    expect(toCaselinkError(refused, 'bolt://127.0.0.1:7687', true).hint).toBe(
      'Start the local database with "caselink db start".',
    );
  });
});
