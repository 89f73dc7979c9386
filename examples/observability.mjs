// Feeding cloud-contacts' events to a logger and to OpenTelemetry spans, against the emulator.
// Run: npm run build && node examples/observability.mjs
//
// Every provider takes `onEvent`. Events say what happened to each vendor request (request,
// response, error, retry, throttle) with the provider, the public operation, the vendor action,
// the attempt, durations, vendor codes and request ids, and never a secret or contact data.
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { tencentCam } from 'cloud-contacts/tencent-cam';
import { startEmulator } from 'cloud-contacts/testing';

// 1. A logger: one JSON line per event (pino, winston or console alike).
const log = (event) => console.log(JSON.stringify({ level: event.type === 'error' ? 'warn' : 'info', msg: `cloud-contacts ${event.type}`, ...event }));

// 2. OpenTelemetry: a span per attempt. With an SDK registered (for example
// @opentelemetry/sdk-trace-node), these spans are exported; without one the API is a no-op.
const tracer = trace.getTracer('cloud-contacts');
const spans = new Map();
const key = (event) => `${event.callId} ${event.action} ${event.attempt}`;
const traceEvent = (event) => {
  if (event.type === 'request') {
    spans.set(key(event), tracer.startSpan(`${event.provider} ${event.action}`, {
      attributes: { 'cloud.provider': event.provider, 'contacts.operation': event.operation, 'rpc.method': event.action, 'contacts.attempt': event.attempt },
    }));
  } else if (event.type === 'response' || event.type === 'error') {
    const span = spans.get(key(event));
    spans.delete(key(event));
    if (event.requestId) span?.setAttribute('cloud.request_id', event.requestId);
    if (event.type === 'error') span?.setStatus({ code: SpanStatusCode.ERROR, message: `${event.code}${event.vendorCode ? ` (${event.vendorCode})` : ''}` });
    span?.end();
  } else if (event.type === 'throttle' || event.type === 'retry') {
    spans.get(key(event))?.addEvent(event.type, { ...event });
  }
};

const emulator = await startEmulator('tencent-cam');
try {
  const cam = tencentCam({
    endpoint: emulator.endpoint,
    credentials: emulator.credentials,
    onEvent: (event) => {
      log(event);
      traceEvent(event);
    },
  });
  emulator.failNext({ kind: 'vendor-error', code: 'RequestLimitExceeded', action: 'CreateMessageReceiver' });
  await cam.create({ name: 'oncall', email: 'oncall@example.com', phone: '+8613900001234' });
  console.log('open spans left:', spans.size);
} finally {
  await emulator.close();
}
