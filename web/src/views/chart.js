import { onBeforeUnmount, onMounted, watch } from 'vue';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, TooltipComponent, CanvasRenderer]);

/**
 * An ECharts chart in the element `el` (a ref), drawn from `option()` when mounted and whenever
 * `source()` changes, resized with the window and disposed with the component.
 */
export function useChart(el, option, source) {
  let chart;
  const draw = () => {
    if (chart) {
      chart.setOption(option(), true);
      chart.resize();
    }
  };
  const resize = () => chart && chart.resize();
  onMounted(() => {
    chart = echarts.init(el.value);
    draw();
    window.addEventListener('resize', resize);
  });
  onBeforeUnmount(() => {
    window.removeEventListener('resize', resize);
    chart && chart.dispose();
  });
  // After the DOM settled (a container that just got its height).
  watch(source, () => setTimeout(draw));
}
