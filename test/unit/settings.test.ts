import { describe, expect, it } from 'vitest';
import { caselinkHome, configuredConnection } from '../../main/config/settings';

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
