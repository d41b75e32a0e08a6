// What the BFF writes into the page it serves to a signed-in person, so the app's shell renders
// without asking for it first (server/spa/serve-spa.ts writes it, client/app/app-data.tsx reads it).
import * as v from 'valibot';
import { UserSchema } from './api-common';
import { ClientConfigSchema } from './client-config';

export const BOOTSTRAP_ELEMENT_ID = 'nansen-bootstrap';

export const BootstrapSchema = v.object({ user: UserSchema, config: ClientConfigSchema });
export type Bootstrap = v.InferOutput<typeof BootstrapSchema>;
