/**
 * `npm run generate:forms`: writes web/event-types.js from the server's event schemas.
 * `--check` only compares, and fails when the committed file is out of date.
 */
import { eventFormsText } from './event-forms';
import { writeGenerated } from './generated-file';

writeGenerated('web/event-types.js', eventFormsText(), 'npm run generate:forms');
