/**
 * A vendor error an emulator raises while handling a request. The harness answers it with the
 * protocol's own error envelope, so handlers can simply throw where the vendor would refuse.
 */
export class VendorFault extends Error {
  /**
   * @param code - the vendor's error code
   * @param detail - a message replacing the vendor's documented one
   * @param httpStatus - a status replacing the vendor's usual one for this code
   */
  constructor(
    readonly code: string,
    readonly detail?: string,
    readonly httpStatus?: number,
  ) {
    super(detail ?? code);
    this.name = 'VendorFault';
  }
}
