import type { BenchGroup } from '../line';

const group: BenchGroup = async function* () {
  // not built yet
};
export default group;
