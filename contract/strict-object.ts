// An object schema for a settings file that names only these options (an array is not an object here, as
// it is for valibot). Not valibot's strictObject: that reports only the first unknown key, and a file
// should learn all of them. Keys valibot would skip rather than refuse (they touch prototypes) are
// refused by name. Used by the UI config (contract/ui-config.ts) and the edit rules (server/edit-rules).
import * as v from 'valibot';

const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'];
const reservedKeysOf = (input: unknown) => RESERVED_KEYS.filter((key) => Object.prototype.hasOwnProperty.call(input, key));
const isPlainObject = (input: unknown) => typeof input === 'object' && input !== null && !Array.isArray(input);

export const strictOptions = <E extends v.ObjectEntries>(entries: E) =>
  v.pipe(
    v.custom<Record<string, unknown>>(
      (input) => isPlainObject(input) && reservedKeysOf(input).length === 0,
      (issue) =>
        isPlainObject(issue.input)
          ? `names ${reservedKeysOf(issue.input).join(', ')}, which is not an option (the options are ${Object.keys(entries).join(', ')})`
          : 'must be an object ({ … })',
    ),
    // Typed as the plain object it outputs once the rest (never) has refused every other key.
    v.objectWithRest(entries, v.never()) as unknown as v.ObjectSchema<E, undefined>,
  );
