-- Deducts an order item's ingredients (quantity x recipe) exactly once, and switches off the
-- menu items the moved stock can no longer make. NULL when the item does not exist; a cancelled
-- item takes nothing. `movements` counts the item's deduction movements, whichever call wrote them.
CREATE OR REPLACE FUNCTION inventory_deduct_item(p_tenant uuid, p_item uuid)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_item record;
  v_prefix text := 'deduct:' || p_item::text || ':';
  v_inventory uuid[];
  v_quantity numeric[];
  v_moved jsonb := '[]';
  v_unavailable jsonb := '[]';
BEGIN
  SELECT oi.order_id, oi.quantity, oi.menu_item_id, oi.status::text AS status INTO v_item
  FROM order_items oi WHERE oi.id = p_item AND oi.tenant_id = p_tenant;
  IF NOT FOUND THEN RETURN NULL; END IF;
  SELECT coalesce(array_agg(ri.inventory_item_id ORDER BY ri.inventory_item_id), '{}'),
         coalesce(array_agg(-(ri.quantity * v_item.quantity) ORDER BY ri.inventory_item_id), '{}')
  INTO v_inventory, v_quantity
  FROM recipe_ingredients ri WHERE ri.tenant_id = p_tenant AND ri.menu_item_id = v_item.menu_item_id;

  IF v_item.status <> 'CANCELLED' THEN
    SELECT coalesce(jsonb_agg(to_jsonb(m)), '[]') INTO v_moved
    FROM inventory_apply_movements(p_tenant, v_item.order_id, 'order_deduction', v_prefix, v_inventory, v_quantity) m;
    SELECT coalesce(jsonb_agg(jsonb_build_object('menuItemId', o.menu_item_id, 'ingredient', o.ingredient)), '[]') INTO v_unavailable
    FROM inventory_mark_out_of_stock(p_tenant, ARRAY(SELECT (e->>'id')::uuid FROM jsonb_array_elements(v_moved) e)) o;
  END IF;

  -- Counted by exact key (the unique index answers it) over the recipe's ingredients.
  RETURN jsonb_build_object(
    'moved', v_moved,
    'unavailable', v_unavailable,
    'movements', (SELECT count(*) FROM inventory_movements
                  WHERE tenant_id = p_tenant
                    AND idempotency_key = ANY(ARRAY(SELECT v_prefix || inv::text FROM unnest(v_inventory) AS inv))));
END $$;
