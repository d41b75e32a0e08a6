// zod's English messages for every schema the server validates. The contract's schemas are written with
// zod/mini, which ships no messages (every problem reads "Invalid input"); importing `z` from here turns
// the English ones on for the whole process before anything is parsed.
import { z } from 'zod';

z.config(z.locales.en());

export { z };
