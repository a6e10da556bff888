// A development OTLP/HTTP (JSON) trace receiver for the tests: it keeps the spans the services export in memory
// and answers them by trace id. Not a collector for production: point OTEL_EXPORTER_OTLP_ENDPOINT at yours there.
//   POST /v1/traces          an ExportTraceServiceRequest in JSON (what @opentelemetry/exporter-trace-otlp-http sends)
//   GET  /spans?traceId=<32 hex>   the spans received of that trace: { traceId, spanId, parentSpanId, name, kind, service }
import { createServer } from 'node:http';

const port = Number(process.env.OTLP_PORT ?? 3011);
/** The newest spans only: the tests ask for traces they just made. */
const KEPT = 100_000;
const spans = [];

const serviceOf = (resource) =>
  resource?.attributes?.find((attribute) => attribute.key === 'service.name')?.value?.stringValue ?? 'unknown';

function receive(request) {
  for (const { resource, scopeSpans = [] } of request.resourceSpans ?? []) {
    const service = serviceOf(resource);
    for (const { spans: received = [] } of scopeSpans)
      for (const span of received)
        spans.push({
          traceId: span.traceId,
          spanId: span.spanId,
          parentSpanId: span.parentSpanId || null,
          name: span.name,
          kind: span.kind,
          service,
        });
  }
  if (spans.length > KEPT) spans.splice(0, spans.length - KEPT);
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'POST' && url.pathname === '/v1/traces') {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      try {
        receive(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } catch (error) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
      }
    });
    return;
  }
  if (req.method === 'GET' && url.pathname === '/spans') {
    const traceId = url.searchParams.get('traceId');
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(spans.filter((span) => span.traceId === traceId)));
    return;
  }
  if (req.method === 'GET' && url.pathname === '/ready') return void res.writeHead(200).end('ready');
  res.writeHead(404).end();
}).listen(port, '127.0.0.1', () => console.log(`otlp: receiving traces on http://127.0.0.1:${port}/v1/traces`));
