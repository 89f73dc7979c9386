/**
 * What a vendor's webhook test said, read from a `sendVerification(id, 'webhook')` result. VMP
 * posts a test message to each webhook of the contact and reports each chat platform's own answer,
 * whose failures come inside HTTP 200 (DingTalk `errcode: 310000`, Lark `code: 19021`). The core
 * reads the per-webhook results by their documented shape (`VolcengineVmpVerificationResult`), as
 * it never imports a provider.
 */
import type { VerificationResult } from '../contract/provider.js';

/** One webhook's test, as a provider reports it. */
export interface WebhookTest {
  /** Which webhook of the contact (`generic`, `lark`, `dingtalk`, `wecom`). */
  readonly kind: string;
  /** Whether the platform took the message. */
  readonly delivered: boolean;
  /** The platform's HTTP status. */
  readonly httpStatus?: number;
  /** The bot platform's own code. */
  readonly platformCode?: string;
  /** The bot platform's own message. */
  readonly platformMessage?: string;
  /** Why the vendor could not reach the address at all. */
  readonly error?: string;
}

/** The per-webhook tests of a verification result, by kind; empty when it has none. */
export function webhookTestsOf(result: VerificationResult): Map<string, WebhookTest> {
  const tests = (result as { webhooks?: unknown }).webhooks;
  const out = new Map<string, WebhookTest>();
  if (!Array.isArray(tests)) return out;
  for (const test of tests) {
    if (typeof test === 'object' && test !== null && typeof (test as WebhookTest).kind === 'string' && typeof (test as WebhookTest).delivered === 'boolean') {
      out.set((test as WebhookTest).kind, test as WebhookTest);
    }
  }
  return out;
}

/** Why a test failed, in words: `the platform answered code 310000 "keywords not in content" (HTTP 200)`. */
export function testFailure(test: WebhookTest): string {
  if (test.error !== undefined) return `the vendor could not reach it: ${test.error}`;
  const status = test.httpStatus === undefined ? '' : ` (HTTP ${test.httpStatus})`;
  const said = [test.platformCode === undefined ? undefined : `code ${test.platformCode}`, test.platformMessage === undefined || test.platformMessage === '' ? undefined : JSON.stringify(test.platformMessage)]
    .filter((part) => part !== undefined)
    .join(' ');
  return said === '' ? `the platform refused the test message${status}` : `the platform answered ${said}${status}`;
}
