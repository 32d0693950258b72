/* The task pane's wiring: compute examples with the model, render them, report where we run. */
import { functionExamples } from './examples';
import { renderFunctionList, renderStatus } from './render';

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`taskpane.html has no #${id}`);
  return found;
}

function start(): void {
  renderFunctionList(element('function-list'), functionExamples());
  const status = element('status');
  if (typeof Office === 'undefined') {
    renderStatus(status, 'Preview outside Office: office.js did not load, so Excel features are off.');
    return;
  }
  Office.onReady((info) => {
    renderStatus(
      status,
      info.host === Office.HostType.Excel
        ? 'Ready. Type =ITCOST. in any cell to see the functions.'
        : 'Preview outside Excel: the functions work in Excel once the add-in is loaded there.',
    );
  });
}

start();
