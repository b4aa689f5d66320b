FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx tsx scripts/prisma-generate.ts && npm run build:web && npm run build:worker
ENV NODE_ENV=production
# The worker loads the bundle built above instead of running webpack at start-up.
ENV WORKFLOW_BUNDLE=/app/dist/workflow-bundle.js
EXPOSE 4000
CMD ["npm", "start"]
