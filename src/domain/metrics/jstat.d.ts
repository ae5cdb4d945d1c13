// jstat ships no type declarations (and there is no @types package): the few functions the metrics
// module uses, as jstat 1.9 documents them.
declare module 'jstat' {
  interface JStat {
    normal: {
      inv(p: number, mean: number, sd: number): number;
      cdf(x: number, mean: number, sd: number): number;
    };
    studentt: { inv(p: number, dof: number): number; cdf(x: number, dof: number): number };
    beta: { inv(p: number, alpha: number, beta: number): number };
    /** the regularised incomplete beta function I_x(a, b) */
    ibeta(x: number, a: number, b: number): number;
  }
  const jStat: JStat;
  export default jStat;
}
