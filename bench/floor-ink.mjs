// The floor for an Ink reader: the least an Ink 6 app can do. One line of text, a counter that `j` bumps
// (so a keypress has something to redraw), `q` to quit. Bundled like dist/ by bench/build-floor.mjs.
import { Box, render, Text, useApp, useInput } from "ink";
import { createElement as h, useState } from "react";

function Floor() {
  const { exit } = useApp();
  const [count, setCount] = useState(0);
  useInput((input) => {
    if (input === "q") exit();
    if (input === "j") setCount((c) => c + 1);
  });
  return h(
    Box,
    { flexDirection: "column" },
    h(Text, { bold: true }, "floor ready"),
    h(Text, null, `presses ${count}`),
  );
}

render(h(Floor));
