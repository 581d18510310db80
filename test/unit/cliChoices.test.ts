import { describe, expect, it } from 'vitest';
import * as choices from '../../main/cli/choices';
import { NORMALIZE_KINDS } from '../../main/core/normalize';
import { ORIENTATIONS, PAPERS } from '../../main/services/export/chartPages';
import { EXPORT_FORMATS } from '../../main/services/export/exportService';
import { MAX_PNG_DPI, MIN_PNG_DPI } from '../../main/services/export/pngChart';
import { MATCHERS } from '../../main/services/resolveService';

describe("the command line's copies of the services' choices", () => {
  it('offer exactly what the services take', () => {
    expect({ ...choices }).toEqual({
      NORMALIZE_KINDS,
      MATCHERS,
      EXPORT_FORMATS,
      PAPERS,
      ORIENTATIONS,
      MIN_PNG_DPI,
      MAX_PNG_DPI,
    });
  });
});
