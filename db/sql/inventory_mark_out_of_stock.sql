-- Active menu items that can no longer make one unit because one of these ingredients is short
-- become unavailable, naming the ingredient; only the rows that flip are returned.
CREATE OR REPLACE FUNCTION inventory_mark_out_of_stock(p_tenant uuid, p_inventory uuid[])
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
