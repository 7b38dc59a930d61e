// A step counter for the engine's loops over text (characters scanned, tokens
// made, automaton states visited). Tests use it to check that the work done
// grows linearly with the input, without timing anything.
export const work = { steps: 0 };
