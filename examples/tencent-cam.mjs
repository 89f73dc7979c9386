// Tencent Cloud CAM message receivers, end to end against the local CAM emulator.
// Run: npm run build && node examples/tencent-cam.mjs
import { isContactError } from 'cloud-contacts';
import { tencentCam } from 'cloud-contacts/tencent-cam';
import { startEmulator } from 'cloud-contacts/testing';

const emulator = await startEmulator('tencent-cam');
try {
  // Point the provider at the emulator; against the real cloud, omit endpoint and set
  // TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY instead.
  const cam = tencentCam({ endpoint: emulator.endpoint, credentials: emulator.credentials });
  console.log('provider:', cam);

  const oncall = await cam.create({ name: 'oncall', email: 'oncall.team@example.com', phone: '+86 139-0000-1234', remark: 'primary on-call' });
  console.log('created (CAM shows email and phone masked):', oncall);

  emulator.verifyReceiver(oncall.id, 'email'); // the receiver clicks the link CAM emailed
  emulator.verifyReceiver(oncall.id, 'phone'); // ...and confirms the SMS
  console.log('after the receiver confirmed:', (await cam.get(oncall.id)).status);

  await cam.create({ name: 'backup', email: 'backup@example.com', phone: '0086 186 1234 3509' });
  for await (const receiver of cam.list({ pageSize: 1 })) console.log(`listed: ${receiver.id} ${receiver.name} ${receiver.phone}`);

  for (const attempt of [
    () => cam.update(oncall.id, { remark: 'changed' }),
    () => cam.create({ name: 'no-phone', email: 'x@example.com' }),
    () => cam.create({ name: 'oncall', email: 'oncall.team@example.com', phone: '+8613900001234' }),
  ]) {
    try {
      await attempt();
    } catch (error) {
      if (!isContactError(error)) throw error;
      console.log(`refused (${error.code}${error.retryable ? ', retryable' : ''}): ${error.message}`);
    }
  }

  await cam.delete(oncall.id);
  console.log('deleted; remaining:', (await cam.list().all()).map((receiver) => receiver.name));
} finally {
  await emulator.close();
}
