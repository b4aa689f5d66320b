-- A task's checklist is shown in the order its recipe lists the subtasks. Until now the KDS
-- ordered them by subtask id (alphabetical), which is not the recipe's order. Each subtask
-- row now keeps its position in the recipe's list, set when the item's rows are created.
ALTER TABLE "subtask_instances" ADD COLUMN "position" INTEGER NOT NULL DEFAULT 0;

-- Existing rows: their position in the recipe version their item pinned.
UPDATE "subtask_instances" s
SET "position" = p.pos
FROM (
  SELECT st.id, (sub.ord - 1)::int AS pos
  FROM "subtask_instances" st
  JOIN "task_instances" t ON t.id = st.task_instance_id
  JOIN "order_items" i ON i.id = t.order_item_id
  JOIN "workflow_template_versions" v ON v.id = i.workflow_version_id
  CROSS JOIN LATERAL jsonb_array_elements(v.definition -> 'phases') AS ph(phase)
  CROSS JOIN LATERAL jsonb_array_elements(ph.phase -> 'tasks') AS tk(task)
  CROSS JOIN LATERAL jsonb_array_elements(tk.task -> 'subtasks') WITH ORDINALITY AS sub(def, ord)
  WHERE tk.task ->> 'id' = t.task_def_id AND sub.def ->> 'id' = st.subtask_def_id
) p
WHERE p.id = s.id;
