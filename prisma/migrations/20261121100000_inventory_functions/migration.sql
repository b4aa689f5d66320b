-- Inventory movements as functions: deducting (or returning) an item's ingredients is one round
-- trip from the worker instead of a transaction of a dozen statements, and stays exactly-once:
-- a movement is inserted unless its idempotency key exists, and the stock moves only when it was.

-- Active menu items that can no longer make one unit because one of these ingredients is short
-- become unavailable, naming the ingredient; only the rows that flip are returned.
CREATE FUNCTION inventory_mark_out_of_stock(p_tenant uuid, p_inventory uuid[])
RETURNS TABLE (menu_item_id text, ingredient text)
LANGUAGE sql VOLATILE AS $$
  UPDATE menu_items m SET is_available = false, unavailable_reason = 'Out of ' || short.name, updated_at = now()
  FROM (
    SELECT DISTINCT ON (ri.menu_item_id) ri.menu_item_id, ii.name
    FROM recipe_ingredients ri JOIN inventory_items ii ON ii.id = ri.inventory_item_id AND ii.tenant_id = ri.tenant_id
    WHERE ri.tenant_id = p_tenant AND ri.inventory_item_id = ANY(p_inventory)
      AND ri.quantity > 0 AND ii.current_stock < ri.quantity
    ORDER BY ri.menu_item_id, ii.name
  ) AS short
  WHERE m.id = short.menu_item_id AND m.tenant_id = p_tenant AND m.is_active AND m.is_available
  RETURNING m.id::text, short.name
$$;

-- The inverse once stock came back: items switched off for one of these ingredients (and only
-- those: an item switched off by hand keeps its reason) that can make a unit again.
CREATE FUNCTION inventory_restock_menu_items(p_tenant uuid, p_inventory uuid[])
RETURNS TABLE (menu_item_id text)
LANGUAGE sql VOLATILE AS $$
  UPDATE menu_items m SET is_available = true, unavailable_reason = NULL, updated_at = now()
  WHERE m.tenant_id = p_tenant AND m.is_active AND NOT m.is_available
    AND m.unavailable_reason IN (
      SELECT 'Out of ' || name FROM inventory_items WHERE tenant_id = p_tenant AND id = ANY(p_inventory))
    AND NOT EXISTS (
      SELECT 1 FROM recipe_ingredients ri JOIN inventory_items ii ON ii.id = ri.inventory_item_id AND ii.tenant_id = ri.tenant_id
      WHERE ri.menu_item_id = m.id AND ri.tenant_id = m.tenant_id AND ri.quantity > 0 AND ii.current_stock < ri.quantity)
  RETURNING m.id::text
$$;

-- One movement per ingredient (signed quantity, key = p_key_prefix || ingredient id), in
-- ingredient order (one lock order for everyone: no deadlocks). Returns the stock rows this call
-- moved, with the stock before the movement: a retry moves and returns nothing.
CREATE FUNCTION inventory_apply_movements(p_tenant uuid, p_order uuid, p_type text, p_key_prefix text, p_inventory uuid[], p_quantity numeric[])
RETURNS TABLE (id text, name text, "currentStock" float8, "minStock" float8, "previousStock" float8)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  r record;
BEGIN
  FOR r IN SELECT u.inv, u.qty FROM unnest(p_inventory, p_quantity) AS u(inv, qty) ORDER BY u.inv LOOP
    INSERT INTO inventory_movements (id, tenant_id, inventory_item_id, quantity, movement_type, reference_id, idempotency_key)
    VALUES (gen_random_uuid(), p_tenant, r.inv, r.qty, p_type, p_order, p_key_prefix || r.inv::text)
    ON CONFLICT (tenant_id, idempotency_key) DO NOTHING;
    IF FOUND THEN
      RETURN QUERY
      UPDATE inventory_items i SET current_stock = i.current_stock + r.qty, updated_at = now()
      WHERE i.id = r.inv AND i.tenant_id = p_tenant
      RETURNING i.id::text, i.name::text, i.current_stock::float8, i.min_stock::float8, (i.current_stock - r.qty)::float8;
    END IF;
  END LOOP;
END $$;

-- Deducts an order item's ingredients (quantity x recipe) exactly once, and switches off the
-- menu items the moved stock can no longer make. NULL when the item does not exist; a cancelled
-- item takes nothing. `movements` counts the item's deduction movements, whichever call wrote them.
CREATE FUNCTION inventory_deduct_item(p_tenant uuid, p_item uuid)
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

-- Returns what inventory_deduct_item took from this item (whatever the recipe says today),
-- exactly once, and switches back on the menu items that can make a unit again.
CREATE FUNCTION inventory_return_item(p_tenant uuid, p_item uuid)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_order uuid;
  v_deduct text := 'deduct:' || p_item::text || ':';
  v_return text := 'return:' || p_item::text || ':';
  v_inventory uuid[];
  v_available jsonb;
BEGIN
  SELECT oi.order_id INTO v_order FROM order_items oi WHERE oi.id = p_item AND oi.tenant_id = p_tenant;
  IF NOT FOUND THEN RETURN NULL; END IF;

  SELECT ARRAY(SELECT mv.inventory_item_id FROM inventory_movements mv
               WHERE mv.tenant_id = p_tenant AND mv.idempotency_key LIKE v_deduct || '%' ORDER BY mv.inventory_item_id)
  INTO v_inventory;
  PERFORM inventory_apply_movements(p_tenant, v_order, 'order_return', v_return, v_inventory,
    ARRAY(SELECT -mv.quantity FROM inventory_movements mv
          WHERE mv.tenant_id = p_tenant AND mv.idempotency_key LIKE v_deduct || '%' ORDER BY mv.inventory_item_id));
  SELECT coalesce(jsonb_agg(r.menu_item_id), '[]') INTO v_available FROM inventory_restock_menu_items(p_tenant, v_inventory) r;

  RETURN jsonb_build_object(
    'available', v_available,
    'movements', (SELECT count(*) FROM inventory_movements
                  WHERE tenant_id = p_tenant AND idempotency_key LIKE v_return || '%'));
END $$;
