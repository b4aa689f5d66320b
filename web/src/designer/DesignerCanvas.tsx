import { Background, Controls, ReactFlow, useReactFlow, type Connection, type IsValidConnection } from '@xyflow/react';
import { useCallback, useEffect, type Dispatch } from 'react';
import type { EditorAction } from './editor-state';
import { taskIdOf } from './graph-model';
import { nodeTypes } from './node-types';
import type { DependencyEdge, DesignerNode } from './types';

interface Props {
  /** Already decorated with validation marks and the critical path (decorate.ts). */
  nodes: DesignerNode[];
  edges: DependencyEdge[];
  layoutVersion: number;
  dispatch: Dispatch<EditorAction>;
}

const DELETE_KEYS = ['Backspace', 'Delete'];
const FIT = { padding: 0.15, maxZoom: 1.1 };

/**
 * The drawing. It shows what it is given and turns everything the user does into an EditorAction,
 * so the canvas holds no recipe state of its own.
 */
export function DesignerCanvas({ nodes, edges, layoutVersion, dispatch }: Props) {
  const { fitView } = useReactFlow();

  // After an auto-layout the drawing can be somewhere else entirely; bring it back into view.
  useEffect(() => {
    if (layoutVersion > 0) void fitView({ ...FIT, duration: 200 });
  }, [layoutVersion, fitView]);

  const onConnect = useCallback(
    (c: Connection) => {
      const from = taskIdOf(c.source);
      const to = taskIdOf(c.target);
      if (from !== null && to !== null) dispatch({ type: 'connect', from, to });
    },
    [dispatch],
  );

  // Only task-to-task, never onto itself; cycles are allowed here and reported by validation.
  const isValidConnection = useCallback<IsValidConnection<DependencyEdge>>(
    (c) => c.source !== c.target && taskIdOf(c.source) !== null && taskIdOf(c.target) !== null,
    [],
  );

  return (
    <div className="designer__canvas" data-testid="designer-canvas">
      <ReactFlow<DesignerNode, DependencyEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={(changes) => dispatch({ type: 'nodesChange', changes })}
        onEdgesChange={(changes) => dispatch({ type: 'edgesChange', changes })}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        deleteKeyCode={DELETE_KEYS}
        fitView
        fitViewOptions={FIT}
        minZoom={0.2}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
