-- Returns what inventory_deduct_item took from this item (whatever the recipe says today),
-- exactly once, and switches back on the menu items that can make a unit again.
CREATE OR REPLACE FUNCTION inventory_return_item(p_tenant uuid, p_item uuid)
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
