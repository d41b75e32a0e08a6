// Where no worker can start, the layout still comes, on the page's thread after a frame; an aborted one never does.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { layOutInBackground } from './lay-out-in-background';
import { layoutLineageGraph } from './layout-lineage-graph';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const graph = {
  nodes: [{ id: 'raw' }, { id: 'stg' }, { id: 'orders' }],
  edges: [
    { source: 'raw', target: 'stg' },
    { source: 'stg', target: 'orders' },
  ],
};

describe('layOutInBackground', () => {
  it('lays out on this thread, after a frame, where there is no Worker', async () => {
    vi.stubGlobal('Worker', undefined);
    vi.useFakeTimers();
    let layout: Awaited<ReturnType<typeof layOutInBackground>> | undefined;
    void layOutInBackground(graph, new AbortController().signal).then((l) => (layout = l));
    await Promise.resolve();
    expect(layout).toBeUndefined(); // not in the same task: the page paints "Laying out" first
    await vi.advanceTimersByTimeAsync(16);
    expect(layout).toEqual(layoutLineageGraph(graph));
  });

  it('lays out on this thread where a worker is refused (a content security policy without workers)', async () => {
    vi.stubGlobal('Worker', function Refused() {
      throw new DOMException('Refused to create a worker', 'SecurityError');
    });
    await expect(layOutInBackground(graph, new AbortController().signal)).resolves.toEqual(layoutLineageGraph(graph));
  });

  it('never settles once aborted, and does not lay out', async () => {
    vi.stubGlobal('Worker', undefined);
    vi.useFakeTimers();
    const controller = new AbortController();
    const settled = vi.fn();
    void layOutInBackground(graph, controller.signal).then(settled, settled);
    controller.abort();
    await vi.advanceTimersByTimeAsync(100);
    expect(settled).not.toHaveBeenCalled();
  });

  it('says why when the worker could not lay the graph out', async () => {
    const worker = { onmessage: null as ((e: { data: unknown }) => void) | null, onerror: null, postMessage: vi.fn(), terminate: vi.fn() };
    vi.stubGlobal('Worker', function Fake() {
      return worker;
    });
    const result = layOutInBackground(graph, new AbortController().signal);
    expect(worker.postMessage).toHaveBeenCalledWith(graph);
    worker.onmessage!({ data: { ok: false, message: 'out of memory' } });
    await expect(result).rejects.toThrow('The lineage graph could not be laid out: out of memory');
    expect(worker.terminate).toHaveBeenCalled();
  });
});
