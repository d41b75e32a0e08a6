// Every catalog response goes through here: JSON, `Content-Type: application/json`, and a final
// newline like Flask's jsonify.
import type { Response } from 'express';

export function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status).type('application/json').send(`${JSON.stringify(body)}\n`);
}
