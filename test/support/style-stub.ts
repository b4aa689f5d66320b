// Test-only: what a component's `import './x.css'` resolves to under jest (jsdom has no bundler).
export default {};
