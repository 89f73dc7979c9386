// Alibaba Cloud ChatApp WhatsApp Business numbers, end to end against the local emulator: the
// registration flow (add → code → verify and register → deregister → register), Meta flagging the
// number, the business profile and callbacks, and delete.
//
// Run it from the package folder after a build (the imports resolve to dist/ by self-reference):
//   npm run build && node examples/alibaba-chatapp.mjs
import { isContactError } from 'cloud-contacts';
import { alibabaChatApp } from 'cloud-contacts/alibaba-chatapp';
import { startEmulator } from 'cloud-contacts/testing';

const emulator = await startEmulator('alibaba-chatapp');
const say = (step, text) => console.log(`${step.padEnd(12)} ${text}`);

try {
  // Against the cloud: alibabaChatApp({ custSpaceId: 'cams-…' }) with ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET set.
  const chatapp = alibabaChatApp({ endpoint: emulator.endpoint, credentials: emulator.credentials, custSpaceId: emulator.custSpaceId });

  const added = await chatapp.create({ name: 'Acme Support', phone: '+86 138 0000 1234', email: 'support@acme.example' });
  say('add', `${added.id} "${added.name}" is ${added.status} (${added.details.vendorStatus}, code ${added.details.codeVerificationStatus})`);

  const status = await chatapp.verificationStatus(added.id);
  say('status', `code ${status.codeVerificationStatus}: ${status.needsCode ? 'a code is needed' : 'no code needed'}`);
  const sent = await chatapp.sendVerification(added.id, 'phone', { method: 'SMS' });
  say('send code', `${sent.status} by SMS to ${sent.target}`);

  // The code arrives on the phone; the emulator's hook plays its owner reading it.
  const code = emulator.verificationCode(added.id);
  const registered = await chatapp.verifyAndRegister(added.id, code);
  say('register', `code ${code} accepted: registered: ${registered.status} (${registered.details.vendorStatus}, phone ${registered.verification.phone})`);
  say('send again', `${(await chatapp.sendVerification(added.id, 'phone')).status}: nothing sent`);

  const off = await chatapp.deregister(added.id);
  say('deregister', `${off.status} (${off.details.vendorStatus}); the number stays in the space`);
  say('register', `${(await chatapp.register(added.id)).status} again, the verification still holds`);

  // Meta rates and restricts numbers on its own; the emulator's hooks play that part.
  emulator.setQualityRating(added.id, 'YELLOW');
  emulator.setStatus(added.id, 'FLAGGED');
  const flagged = await chatapp.get(added.id);
  say('meta', `quality ${flagged.details.qualityRating}, ${flagged.details.vendorStatus}: still ${flagged.status}`);

  const profile = await chatapp.updateBusinessProfile(added.id, { about: 'We answer in minutes', vertical: 'RETAIL', websites: ['https://acme.example'] });
  say('profile', `${profile.vertical}, ${profile.websites.join(', ')}, ${profile.email}`);
  const callbacks = await chatapp.updateCallbacks(added.id, { statusCallbackUrl: 'https://acme.example/whatsapp/status', inboundCallbackUrl: 'https://acme.example/whatsapp/inbound' });
  say('callbacks', `reports to ${callbacks.details.statusCallbackUrl}, messages to ${callbacks.details.inboundCallbackUrl}`);

  for await (const number of chatapp.list()) say('list', `${number.id} ${number.name} ${number.status} ${number.details.messagingLimitTier}`);
  say('by status', `${(await chatapp.list({ status: 'FLAGGED' }).all()).length} flagged number(s)`);

  try {
    await chatapp.create({ name: 'Acme Support', phone: '+8613800001234' });
  } catch (error) {
    if (!isContactError(error, 'already-exists')) throw error;
    say('add again', `${error.code} (${error.vendor?.code})`);
  }

  await chatapp.delete(added.id);
  say('delete', 'deregistered and taken out of the customer space');
  try {
    await chatapp.get(added.id);
  } catch (error) {
    if (!isContactError(error, 'not-found')) throw error;
    say('get', `${error.code}: ${error.message}`);
  }
} finally {
  await emulator.close();
}
