/**
 * Why `goldthread sign` refused: a user's problem (exit 2), with a stable code tests assert on.
 * Messages name fields and files, never a passphrase or anything from the certificate's key.
 */
import { InputError } from '../errors.js';

/** Stable codes of signing refusals. */
export type SigningErrorCode =
  | 'not-a-pdf'
  | 'no-signature-fields'
  | 'unknown-field'
  | 'already-signed'
  | 'unsupported-pdf'
  | 'not-pkcs12'
  | 'bad-passphrase'
  | 'no-key'
  | 'unsupported-key'
  | 'certificate-not-valid'
  | 'signature-too-large';

/** A signing request that cannot be carried out; nothing has been written. */
export class SigningError extends InputError {
  readonly code: SigningErrorCode;

  constructor(code: SigningErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
