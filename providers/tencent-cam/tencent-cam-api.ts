import { z } from 'zod';

/** The `{"Response": {...}}` envelope of every answer, error or not (tolerant of new fields). */
export const tencentEnvelopeSchema = z.object({
  Response: z.looseObject({
    RequestId: z.string().nullish(),
    Error: z.object({ Code: z.string(), Message: z.string().nullish() }).nullish(),
  }),
});

/** The inner `Response` object of a successful answer. */
export type TencentResponse = z.infer<typeof tencentEnvelopeSchema>['Response'];

const idSchema = z.union([z.string(), z.number()]).transform(String);

/** A message receiver as ListReceiver returns it; email and phone arrive masked. */
export const tencentReceiverSchema = z.object({
  Uid: idSchema,
  Name: z.string(),
  Remark: z.string().nullish(),
  PhoneNumber: z.string().nullish(),
  PhoneFlag: z.number().nullish(),
  Email: z.string().nullish(),
  EmailFlag: z.number().nullish(),
  IsReceiverOwner: z.number().nullish(),
  WechatFlag: z.number().nullish(),
  Uin: idSchema.nullish(),
  CountryCode: z.string().nullish(),
});

/** A message receiver as ListReceiver returns it. */
export type TencentReceiver = z.infer<typeof tencentReceiverSchema>;

/** The answer of ListReceiver. */
export const tencentListReceiverSchema = z.object({
  TotalCount: z.number(),
  Receivers: z.array(tencentReceiverSchema).nullish(),
});

/** The parameters of CreateMessageReceiver. */
export interface TencentCreateReceiverParams {
  Name: string;
  CountryCode: string;
  PhoneNumber: string;
  Email: string;
  Remark?: string;
}
