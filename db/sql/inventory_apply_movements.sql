-- One movement per ingredient (signed quantity, key = p_key_prefix || ingredient id), in
-- ingredient order (one lock order for everyone: no deadlocks). Returns the stock rows this call
-- moved, with the stock before the movement: a retry moves and returns nothing.
CREATE OR REPLACE FUNCTION inventory_apply_movements(p_tenant uuid, p_order uuid, p_type text, p_key_prefix text, p_inventory uuid[], p_quantity numeric[])
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
