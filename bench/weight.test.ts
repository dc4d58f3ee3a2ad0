import { describe, expect, it } from 'vitest';
import { dynamicImports, staticImports } from './weight';

describe('reading a built chunk', () => {
  it('finds its static imports and re-exports, whatever the quotes', () => {
    const code = `import{a as b}from"./strings-1.js";import './side-effect.js';export{c}from"../shared-2.js";import x from"react";`;
    expect(staticImports(code)).toEqual(['./strings-1.js', './side-effect.js', '../shared-2.js']);
  });

  it('finds the chunks it loads later, in quotes or in backticks as Vite 8 writes them', () => {
    const code = 'lazy(()=>import(`./order-items-D.js`));lazy(()=>import("./search-B.js"));import(\'./state-C.js\');import(`./a.js")';
    expect(dynamicImports(code)).toEqual(['./order-items-D.js', './search-B.js', './state-C.js']);
    expect(staticImports(code)).toEqual([]);
  });
});
