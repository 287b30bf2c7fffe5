// Type declarations for package entry points that ship no types of their own.
declare module 'opencc-js/to/cn' {
  import type { DictGroup } from 'opencc-js/core';
  const dictGroups: DictGroup[];
  export default dictGroups;
}
