// Status codes only the metadata API uses, on top of the catalog's errors.
import { AppError } from '../../http/errors';

/** 406: Amundsen's answer to a tag PUT with tag_type=badge. */
export class NotAcceptableError extends AppError {
  override name = 'NotAcceptableError';
  readonly status = 406;
}
