/**
 * The CAM message-receiver actions (2019-01-16): per action, whether it may be sent twice and a
 * minimal, tolerant schema of its answer (the inner `Response` object). Each is built on its first
 * use (`z.lazy`): building them all at import was a large part of a provider's cold start.
 */
import * as z from '../../src/util/zod.js';
import type { ActionTable } from '../../src/transport/vendor-caller.js';

/** The CAM API version this provider speaks. */
export const TENCENT_CAM_VERSION = '2019-01-16';

/** The `{"Response": {...}}` envelope of every answer, error or not (tolerant of new fields). */
export const tencentEnvelopeSchema = z.lazy(() =>
  z.object({
    Response: z.looseObject({
      RequestId: z.nullishString(),
      Error: z.nullish(z.object({ Code: z.string(), Message: z.nullishString() })),
    }),
  }),
);

/** The envelope of an answer. */
export type TencentEnvelope = z.infer<typeof tencentEnvelopeSchema>;

const idSchema = z.lazy(() => z.pipe(z.union([z.string(), z.number()]), z.transform(String)));

/** A message receiver as ListReceiver returns it; email and phone arrive masked. */
export const tencentReceiverSchema = z.lazy(() =>
  z.object({
    Uid: idSchema,
    Name: z.string(),
    Remark: z.nullishString(),
    PhoneNumber: z.nullishString(),
    PhoneFlag: z.nullish(z.number()),
    Email: z.nullishString(),
    EmailFlag: z.nullish(z.number()),
    IsReceiverOwner: z.nullish(z.number()),
    WechatFlag: z.nullish(z.number()),
    Uin: z.nullish(idSchema),
    CountryCode: z.nullishString(),
  }),
);

/** A message receiver as ListReceiver returns it. */
export type TencentReceiver = z.infer<typeof tencentReceiverSchema>;

/** Every receiver action of CAM. */
export const CAM_ACTIONS = {
  // Each call uses one of the 10 allowed per account per day, and a repeat of a lost one would
  // fail on the name: never resent blindly (a lost answer is settled by looking the name up).
  CreateMessageReceiver: { idempotent: false, response: z.lazy(() => z.object({})) },
  ListReceiver: { idempotent: true, response: z.lazy(() => z.object({ TotalCount: z.number(), Receivers: z.nullish(z.array(tencentReceiverSchema)) })) },
  // Deleting by name twice leaves the same result: the receiver is gone.
  DeleteMessageReceiver: { idempotent: true, response: z.lazy(() => z.object({})) },
} as const satisfies ActionTable;

/** The parameters of CreateMessageReceiver. */
export interface TencentCreateReceiverParams {
  Name: string;
  CountryCode: string;
  PhoneNumber: string;
  Email: string;
  Remark?: string;
}
