import { describe, expect, it } from 'vitest';
import { NotFoundError, UpstreamError } from '../http/errors';
import type { AmundsenUser } from '../upstream/amundsen-schemas';
import { getUserIgnoringEmailCase, lowerCasedEmailId, otherSpellingsOf } from './user-id-case-fallback';

const person = (user_id: string | null, email: string | null = user_id): AmundsenUser => ({ user_id, email, full_name: `Person ${user_id ?? email}`, is_active: true }) as AmundsenUser;

/** A metadata service's GET /user that matches ids exactly, as the embedded catalog does (404) or Amundsen's Neo4j proxy (500). */
function service(people: readonly AmundsenUser[], unknown: 'catalog' | 'amundsen' = 'catalog') {
  const asked: string[] = [];
  const getUser = async (id: string) => {
    asked.push(id);
    const found = people.find((p) => (p.user_id ?? p.email) === id);
    if (found) return found;
    throw unknown === 'catalog' ? new NotFoundError(`There is no person ${id} in the catalog.`) : new UpstreamError('The metadata service failed.', 'upstream_failed');
  };
  return { getUser, asked };
}

describe('lowerCasedEmailId', () => {
  it('is the lower-cased id of an email with upper-case letters, and nothing for others', () => {
    expect(lowerCasedEmailId('Fridtjof.Nansen@Example.org')).toBe('fridtjof.nansen@example.org');
    expect(lowerCasedEmailId('fridtjof.nansen@example.org')).toBeUndefined();
    // Not an email: ids such as user names may well be case-sensitive where they come from.
    expect(lowerCasedEmailId('FNansen')).toBeUndefined();
  });
});

describe('otherSpellingsOf', () => {
  it('is the id without whitespace around it, then an email lower-cased; nothing for an id as stored', () => {
    expect(otherSpellingsOf(' roald.amundsen@example.org')).toEqual(['roald.amundsen@example.org']);
    expect(otherSpellingsOf('\tRoald.Amundsen@example.org \n')).toEqual(['Roald.Amundsen@example.org', 'roald.amundsen@example.org']);
    expect(otherSpellingsOf(' FNansen ')).toEqual(['FNansen']);
    expect(otherSpellingsOf('roald.amundsen@example.org')).toEqual([]);
    expect(otherSpellingsOf('   ')).toEqual([]);
  });
});

describe('getUserIgnoringEmailCase', () => {
  const fridtjof = person('fridtjof.nansen@example.org');

  it('answers the exact id with one look-up', async () => {
    const { getUser, asked } = service([fridtjof]);
    await expect(getUserIgnoringEmailCase(getUser, 'fridtjof.nansen@example.org')).resolves.toBe(fridtjof);
    expect(asked).toEqual(['fridtjof.nansen@example.org']);
  });

  it('opens the person whose email id differs only in case, from the catalog (404) and from Amundsen (500)', async () => {
    for (const kind of ['catalog', 'amundsen'] as const) {
      const { getUser, asked } = service([fridtjof], kind);
      await expect(getUserIgnoringEmailCase(getUser, 'Fridtjof.Nansen@EXAMPLE.org')).resolves.toBe(fridtjof);
      expect(asked).toEqual(['Fridtjof.Nansen@EXAMPLE.org', 'fridtjof.nansen@example.org']);
    }
  });

  it('opens the person whose id is the given one without whitespace around it (decision 093), in case too for an email', async () => {
    const fnansen = person('FNansen', null);
    const { getUser, asked } = service([fridtjof, fnansen]);
    await expect(getUserIgnoringEmailCase(getUser, ' fridtjof.nansen@example.org')).resolves.toBe(fridtjof);
    expect(asked).toEqual([' fridtjof.nansen@example.org', 'fridtjof.nansen@example.org']);
    await expect(getUserIgnoringEmailCase(getUser, 'Fridtjof.Nansen@example.org\n')).resolves.toBe(fridtjof);
    await expect(getUserIgnoringEmailCase(getUser, ' FNansen ')).resolves.toBe(fnansen);
    // Not an email: trimmed, but its case kept.
    await expect(getUserIgnoringEmailCase(getUser, ' fnansen ')).rejects.toThrow('There is no person  fnansen  in the catalog.');
  });

  it('does not take someone else answered for the trimmed id of a name (a service that matches loosely)', async () => {
    const getUser = async (id: string) => {
      if (id === 'FNansen') return person('fnansen', null);
      throw new NotFoundError(`There is no person ${id} in the catalog.`);
    };
    await expect(getUserIgnoringEmailCase(getUser, ' FNansen')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('prefers the exact id when two people differ only in case', async () => {
    const upper = person('Ada@example.org');
    const { getUser } = service([person('ada@example.org'), upper]);
    await expect(getUserIgnoringEmailCase(getUser, 'Ada@example.org')).resolves.toBe(upper);
  });

  it('keeps "nobody" for a mistyped id, an id that is not an email, and one stored in mixed case', async () => {
    const { getUser } = service([fridtjof, person('FNansen', null), person('Liv.Arnesen@example.org')]);
    for (const id of ['Fridtjof.Nansen@example.org.', 'Fridtjof.Nanse@example.org', 'fnansen', 'FNANSEN', 'LIV.ARNESEN@EXAMPLE.ORG']) {
      await expect(getUserIgnoringEmailCase(getUser, id), id).rejects.toThrow(`There is no person ${id} in the catalog.`);
    }
  });

  it('does not take someone else answered for the lower-cased id (a service that matches loosely)', async () => {
    const other = person('someone.else@example.org');
    const getUser = async (id: string) => {
      if (id === 'fridtjof.nansen@example.org') return other;
      throw new NotFoundError(`There is no person ${id} in the catalog.`);
    };
    await expect(getUserIgnoringEmailCase(getUser, 'Fridtjof.Nansen@example.org')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('passes on a failure that is not "nobody" without a second look-up (a wrong METADATA_URL, a service down)', async () => {
    const asked: string[] = [];
    const misconfigured = new UpstreamError('The metadata service was not found where Nansen looks for it: Nansen is set up wrong. Tell whoever runs Nansen.', 'upstream_misconfigured');
    const getUser = async (id: string): Promise<AmundsenUser> => {
      asked.push(id);
      throw misconfigured;
    };
    await expect(getUserIgnoringEmailCase(getUser, 'Fridtjof.Nansen@example.org')).rejects.toBe(misconfigured);
    expect(asked).toEqual(['Fridtjof.Nansen@example.org']);
  });
});
