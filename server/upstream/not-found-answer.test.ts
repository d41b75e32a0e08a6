import { describe, expect, it } from 'vitest';
import { describeMisroutedNotFound } from './not-found-answer';

const judge = (text: string, contentType = 'application/json') => {
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = undefined;
  }
  return describeMisroutedNotFound(text, json, contentType);
};

describe('whose "not found" a 404 is', () => {
  it("takes Amundsen's own answers, and the embedded catalog's, as the service's", () => {
    for (const message of [
      'table_uri hive://gold.s/t does not exist',
      'table_uri hive://gold.s/t with column c does not exist',
      'dashboard_id mode_dashboard://g/d does not exist',
      'user_id ada@example.org does not exist',
      'Exception raised when getting lineage: boom',
    ]) {
      expect(judge(`${JSON.stringify({ message })}\n`)).toBeUndefined();
    }
    // Flask-RESTful's argument errors are an object under "message".
    expect(judge('{"message": {"category": "Missing required parameter"}}')).toBeUndefined();
  });

  it('names an HTML page, plain text and an empty body', () => {
    expect(judge('<!doctype html><title>404 Not Found</title>', 'text/html; charset=utf-8')).toBe('HTML');
    expect(judge('404 page not found', 'text/plain; charset=utf-8')).toBe('text/plain');
    expect(judge('', 'application/json')).toBe('an empty body');
    expect(judge('  \n')).toBe('an empty body');
  });

  it("refuses JSON in another framework's envelope", () => {
    expect(judge('{"detail": "Not Found"}')).toBe("JSON that is not the service's");
    expect(judge('{"error": {"name": "NotFoundError", "message": "No API route for GET /table/x", "code": "no_route"}}')).toBe("JSON that is not the service's");
    expect(judge('{"timestamp": "2026-01-01T00:00:00Z", "status": 404, "error": "Not Found", "message": "No message available", "path": "/x"}')).toBe("JSON that is not the service's");
    expect(judge('null')).toBe("JSON that is not the service's");
    expect(judge('"gone"')).toBe("JSON that is not the service's");
    expect(judge('[]')).toBe("JSON that is not the service's");
  });

  it("refuses a web server's unknown-URL text under \"message\"", () => {
    for (const message of [
      'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
      'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again. You have requested this URI [/wrong/table/x] but did you mean /table/<path:id> ?',
      'Cannot GET /wrong/table/hive://gold.s/t',
      'Not Found',
      '404 Not Found',
      'Resource not found',
      'no Route matched with those values',
    ]) {
      expect(judge(JSON.stringify({ message }))).toBe("a web server's unknown-URL message");
    }
  });
});
