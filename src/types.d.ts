// Type declarations for package entry points that ship no types of their own.
declare module 'opencc-js/to/cn' {
  import type { DictGroup } from 'opencc-js/core';
  const dictGroups: DictGroup[];
  export default dictGroups;
}
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/STCharacters' {
  const dict: string;
  export default dict;
}
