import type { CaselinkError } from '../../../main/contract/api';
import { errorHeading } from './errors';

/** An error in plain words: its heading, message and, where there is one, what to do. */
export function ErrorNotice({ error, testId }: { error: CaselinkError; testId?: string }) {
  return (
    <div className="error-notice" role="alert" data-testid={testId}>
      <strong>{errorHeading(error)}:</strong> {error.message}
      {error.hint && <span className="error-hint"> {error.hint}</span>}
    </div>
  );
}
