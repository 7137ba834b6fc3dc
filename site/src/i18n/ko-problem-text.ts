// What /ko/planner loads after its first paint (PlannerKo.tsx): the Korean validation messages and
// the code that recognises the English ones (problem-text.ts, problem-codes.ts), one chunk.
export { koProblemData } from './ko-problems.ts';
export { translateProblem } from './problem-text.ts';
