// Traditional -> Simplified conversion with opencc-js's small core (≈24 KB gzipped), shared by build and query time.
import { ConverterFactory } from 'opencc-js/core';
import toCn from 'opencc-js/to/cn';

/** Converts Traditional Chinese to Simplified (OpenCC t2s); other text passes through unchanged. */
export const toSimplified: (text: string) => string = ConverterFactory(toCn);
