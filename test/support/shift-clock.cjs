// Loaded with `node -r` by fleet tests: moves this process's clock by CLOCK_OFFSET_MS, so child
// processes, the emulator and their signatures agree on a day near a vendor's midnight.
const offset = Number(process.env.CLOCK_OFFSET_MS || 0);
const RealDate = Date;
const realNow = RealDate.now;
class ShiftedDate extends RealDate {
  constructor(...args) {
    super(...(args.length === 0 ? [realNow() + offset] : args));
  }
  static now() {
    return realNow() + offset;
  }
}
globalThis.Date = ShiftedDate;
