import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import * as s from '../../testing/scenarios.js';
import './define.js';

/** Stories of `<qw-result>` fed by fake stores: every meaningful state, no server needed. */
const meta: Meta = { title: 'Pieces/qw-result', component: 'qw-result' };
export default meta;
type Story = StoryObj;

export const Correct: Story = {
  name: 'Correct',
  render: () => html`<qw-result .client=${s.reveal(true)}></qw-result>`,
};
export const Incorrect: Story = {
  name: 'Incorrect',
  render: () => html`<qw-result .client=${s.reveal(false)}></qw-result>`,
};
export const NoAnswer: Story = {
  name: 'No answer',
  render: () => html`<qw-result .client=${s.reveal(null)}></qw-result>`,
};
